"""Panel error bodies -> domain errors. The panel's `errorCode` is kept for logs.

The panel answers in three shapes: coded business errors `{"errorCode","message",...}`,
validation errors `{"statusCode":400,"message":"Validation failed","errors":[...]}` and
NestJS defaults `{"message","statusCode"}` (401, 403, unknown route). Proxies and gates in
front of it may answer with anything, HTML or plain text included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Final

import httpx

from shop_domain.errors import (
    VpnPanelAuthError,
    VpnPanelError,
    VpnPanelUnavailableError,
    VpnPanelUserNotFoundError,
)

USERNAME_TAKEN: Final = "A019"
USER_NOT_FOUND: Final = "A025"
ALREADY_DISABLED: Final = "A029"
ALREADY_ENABLED: Final = "A030"
USERS_NOT_FOUND: Final = "A062"  # 2.2 and older: a lookup by Telegram id found none
LOOKUP_NOT_FOUND: Final = "A063"
DEVICE_NOT_FOUND: Final = "A204"
_NOT_FOUND_CODES: Final = frozenset({USER_NOT_FOUND, LOOKUP_NOT_FOUND})
# Coded 5xx answers that reject our input rather than report an outage (e.g. an unknown
# squad uuid): retrying them cannot help and they say nothing about the panel's health.
_INPUT_REJECTIONS: Final = frozenset({"A018", "A027", "A039"})
_TRANSIENT_STATUS: Final = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class PanelErrorBody:
    status: int
    code: str | None
    message: str
    fields: tuple[str, ...] = ()  # paths of the failed validation issues, e.g. "expireAt"


def parse_error(response: httpx.Response) -> PanelErrorBody:
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return PanelErrorBody(response.status_code, None, response.reason_phrase or "error")
    code = body.get("errorCode")
    message = body.get("message")
    issues = body.get("errors")
    fields: tuple[str, ...] = ()
    if isinstance(issues, list):
        fields = tuple(
            ".".join(str(part) for part in issue.get("path", ())) or "<body>"
            for issue in issues
            if isinstance(issue, dict)
        )
    return PanelErrorBody(
        response.status_code,
        code if isinstance(code, str) else None,
        message if isinstance(message, str) else response.reason_phrase or "error",
        fields,
    )


def is_transient(error: PanelErrorBody) -> bool:
    """A proxy's 429/5xx or the panel's own outage: worth a retry, counts against health."""
    return error.status in _TRANSIENT_STATUS and error.code not in _INPUT_REJECTIONS


def retry_after_seconds(response: httpx.Response) -> float | None:
    """`Retry-After` in seconds, from either form: a delta or an HTTP-date."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        return None
    return max((moment - datetime.now(UTC)).total_seconds(), 0.0)


def to_domain_error(error: PanelErrorBody, operation: str) -> VpnPanelError:
    detail = f"{operation}: HTTP {error.status} {error.code or '-'} {error.message}"
    if error.fields:
        detail = f"{detail} (fields: {', '.join(error.fields)})"
    kind: type[VpnPanelError] = VpnPanelError
    if error.status in {401, 403}:
        kind = VpnPanelAuthError
        detail = f"{detail}; check SHOP_PANEL__API_TOKEN (an API token with the needed scopes)"
        detail += " and, behind an auth portal, SHOP_PANEL__API_KEY"
    elif error.code in _NOT_FOUND_CODES:
        kind = VpnPanelUserNotFoundError
    elif is_transient(error):
        kind = VpnPanelUnavailableError
    return kind(detail, panel_code=error.code, status=error.status)


def transport_error(exc: httpx.HTTPError, operation: str) -> VpnPanelUnavailableError:
    if isinstance(exc, httpx.RemoteProtocolError):
        hint = (
            "the panel closed the connection without answering: it needs X-Forwarded-For and"
            " X-Forwarded-Proto: https (sent automatically for http:// URLs) or a gate cookie"
        )
        return VpnPanelUnavailableError(f"{operation}: {hint}")
    return VpnPanelUnavailableError(f"{operation}: {type(exc).__name__} reaching the panel")
