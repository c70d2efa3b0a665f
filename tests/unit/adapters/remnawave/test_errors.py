"""Panel error bodies (three shapes, plus whatever a proxy sends) -> domain errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from shop_adapters.remnawave.errors import (
    is_transient,
    parse_error,
    retry_after_seconds,
    to_domain_error,
    transport_error,
)
from shop_domain.errors import (
    VpnPanelAuthError,
    VpnPanelError,
    VpnPanelUnavailableError,
    VpnPanelUserNotFoundError,
)


def _response(status: int, body: object = None, *, text: str | None = None) -> httpx.Response:
    if text is not None:
        return httpx.Response(status, text=text)
    return httpx.Response(status, json=body)


def _coded(code: str, message: str) -> dict[str, str]:
    return {"timestamp": "2026-08-20T10:00:00.000Z", "path": "/api/users", "message": message,
            "errorCode": code}  # fmt: skip


def test_a_coded_error_keeps_the_panel_code() -> None:
    error = parse_error(_response(400, _coded("A019", "User username already exists")))

    assert (error.status, error.code, error.message) == (
        400,
        "A019",
        "User username already exists",
    )
    mapped = to_domain_error(error, "create_user")
    assert type(mapped) is VpnPanelError
    assert (mapped.panel_code, mapped.status) == ("A019", 400)
    assert "create_user" in str(mapped)


@pytest.mark.parametrize("code", ["A025", "A063"])
def test_user_not_found_codes_map_to_the_not_found_error(code: str) -> None:
    mapped = to_domain_error(parse_error(_response(404, _coded(code, "User not found"))), "get")

    assert isinstance(mapped, VpnPanelUserNotFoundError)
    assert mapped.panel_code == code


def test_a_validation_error_names_the_offending_fields() -> None:
    issues = [
        {"code": "custom", "path": ["expireAt"], "message": "Expiration date in the past"},
        {"code": "custom", "path": [], "message": "At least one of username, id must be provided"},
    ]
    body = {"statusCode": 400, "message": "Validation failed", "errors": issues}
    error = parse_error(_response(400, body))

    assert error.fields == ("expireAt", "<body>")
    assert error.code is None
    assert "fields: expireAt, <body>" in str(to_domain_error(error, "update_user"))


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (401, {"message": "Unauthorized", "statusCode": 401}),
        (403, {"message": "Forbidden resource", "error": "Forbidden", "statusCode": 403}),
        (403, _coded("E000", "Forbidden")),
    ],
)
def test_auth_failures_tell_the_operator_to_check_the_token(status: int, body: object) -> None:
    mapped = to_domain_error(parse_error(_response(status, body)), "get_user")

    assert isinstance(mapped, VpnPanelAuthError)
    assert "SHOP_PANEL__API_TOKEN" in str(mapped)


def test_a_plain_text_gate_answer_is_parsed_without_its_body() -> None:
    error = parse_error(_response(401, text="<html>s3cret gate page</html>"))

    assert (error.status, error.code, error.message) == (401, None, "Unauthorized")
    assert "s3cret" not in str(to_domain_error(error, "get_user"))


@pytest.mark.parametrize(
    ("status", "body", "transient"),
    [
        (502, None, True),
        (429, None, True),
        (
            500,
            {"message": "Unknown error", "error": "Internal Server Error", "statusCode": 500},
            True,
        ),
        (500, _coded("A026", "Get user by error"), True),  # a DB outage behind the panel
        (500, _coded("A039", "Update user error"), False),  # e.g. an unknown squad uuid
        (500, _coded("A018", "Failed to create user"), False),
        (400, _coded("A030", "User already enabled"), False),
        (404, {"message": "Cannot GET /api/x", "error": "Not Found", "statusCode": 404}, False),
    ],
)
def test_only_outages_are_transient(status: int, body: object, transient: bool) -> None:
    error = parse_error(_response(status, body))

    assert is_transient(error) is transient
    assert isinstance(to_domain_error(error, "x"), VpnPanelUnavailableError) is transient


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("3", 3.0), ("0.5", 0.5), ("-1", 0.0), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after_is_read_in_seconds(header: str, seconds: float | None) -> None:
    assert retry_after_seconds(httpx.Response(429, headers={"Retry-After": header})) == seconds
    assert retry_after_seconds(httpx.Response(429)) is None


def test_retry_after_as_an_http_date() -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)

    seconds = retry_after_seconds(httpx.Response(503, headers={"Retry-After": later}))

    assert seconds is not None
    assert 28 <= seconds <= 30


def test_a_dropped_connection_explains_the_reverse_proxy_rule() -> None:
    error = transport_error(httpx.RemoteProtocolError("Server disconnected"), "get_user")

    assert isinstance(error, VpnPanelUnavailableError)
    assert "X-Forwarded-Proto" in str(error)
    timeout = transport_error(httpx.ReadTimeout("slow"), "get_user")
    assert "ReadTimeout" in str(timeout)
