"""`RemnawaveWebhookParser`: signature rules and the mapping of 3.x and 2.x event names."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest

from shop_adapters.remnawave.webhook_parser import RemnawaveWebhookParser
from shop_domain.errors import NotificationMalformedError, NotificationUntrustedError
from shop_domain.ports.vpn_panel import PanelEventKind, PanelUserStatus

SECRET = "A1b2" * 16
USER = {
    "id": 7, "shortUuid": "abc", "username": "tg_5", "status": "ACTIVE",
    "trafficLimitBytes": 0, "trafficLimitStrategy": "NO_RESET",
    "expireAt": "2026-09-01T00:00:00.000Z", "telegramId": 5, "description": "Привет",
    "hwidDeviceLimit": None, "externalSquadUuid": None,
    "subscriptionUrl": "https://panel.test/api/sub/abc", "activeInternalSquads": [],
    "userTraffic": {"usedTrafficBytes": 0, "onlineAt": None, "firstConnectedAt": None},
}  # fmt: skip


def signed(payload: dict[str, Any], secret: str = SECRET) -> tuple[dict[str, str], bytes]:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Remnawave-Signature": digest}, body


def user_event(event: str, meta: object = None, **user: object) -> dict[str, Any]:
    return {
        "scope": "user", "event": event, "timestamp": "2026-08-20T10:00:00.000Z",
        "data": USER | user, "meta": meta,
    }  # fmt: skip


def test_a_signed_user_event_is_parsed() -> None:
    headers, body = signed(user_event("user.limited", status="LIMITED"))
    event = RemnawaveWebhookParser(SECRET).parse(headers, body)
    assert (event.kind, event.name) == (PanelEventKind.LIMITED, "user.limited")
    assert event.user is not None
    assert (event.user.ref, event.user.status) == ("7", PanelUserStatus.LIMITED)
    assert event.dedupe_key == "user.limited:7:2026-08-20T10:00:00.000Z"


@pytest.mark.parametrize(
    ("headers", "secret"),
    [
        ({}, SECRET),
        ({"x-remnawave-signature": "00" * 32}, SECRET),
        ({"X-Remnawave-Signature": "ж" * 64}, SECRET),
        (None, None),
    ],
)
def test_unsigned_forged_or_unconfigured_is_untrusted(
    headers: dict[str, str] | None, secret: str | None
) -> None:
    good_headers, body = signed(user_event("user.disabled"))
    with pytest.raises(NotificationUntrustedError) as raised:
        RemnawaveWebhookParser(secret).parse(good_headers if headers is None else headers, body)
    assert not isinstance(raised.value, NotificationMalformedError)


def test_a_re_serialised_body_does_not_verify() -> None:
    headers, body = signed(user_event("user.disabled"))
    escaped = json.dumps(json.loads(body), separators=(",", ":")).encode()
    with pytest.raises(NotificationUntrustedError):
        RemnawaveWebhookParser(SECRET).parse(headers, escaped)


@pytest.mark.parametrize(
    ("name", "meta", "kind", "hours"),
    [
        ("user.expiration", {"expiration": -72}, PanelEventKind.EXPIRATION_WARNING, -72),
        ("user.expiration", {"expiration": 24}, PanelEventKind.EXPIRED, 24),
        ("user.expires_in_48_hours", None, PanelEventKind.EXPIRATION_WARNING, -48),
        ("user.expired_24_hours_ago", None, PanelEventKind.EXPIRED, 24),
        ("user.expired", None, PanelEventKind.EXPIRED, None),
        ("user.first_connected", None, PanelEventKind.FIRST_CONNECTED, None),
        ("user.traffic_reset", None, PanelEventKind.TRAFFIC_RESET, None),
    ],
)
def test_event_names_of_both_dialects(
    name: str, meta: object, kind: PanelEventKind, hours: int | None
) -> None:
    event = RemnawaveWebhookParser(SECRET).parse(*signed(user_event(name, meta)))
    assert (event.kind, event.hours_relative) == (kind, hours)


def test_a_2x_user_is_keyed_by_uuid() -> None:
    uuid = "0b9d3c5e-1f2a-4b3c-8d4e-5f6a7b8c9d0e"
    event = RemnawaveWebhookParser(SECRET).parse(*signed(user_event("user.enabled", uuid=uuid)))
    assert event.user is not None
    assert event.user.ref == uuid


def test_device_events_carry_the_user_and_the_hwid_in_the_key() -> None:
    payload = {
        "scope": "user_hwid_devices", "event": "user_hwid_devices.added",
        "timestamp": "2026-08-20T10:00:00.000Z",
        "data": {"user": USER, "hwidUserDevice": {"hwid": "h1", "userId": 7}},
    }  # fmt: skip
    event = RemnawaveWebhookParser(SECRET).parse(*signed(payload))
    assert event.kind is PanelEventKind.DEVICE_ADDED
    assert event.user is not None
    assert event.dedupe_key.endswith(":h1")


def test_other_scopes_are_acknowledged_without_a_user() -> None:
    payload = {"scope": "node", "event": "node.created", "timestamp": "2026-08-20T10:00:00Z"}
    event = RemnawaveWebhookParser(SECRET).parse(*signed(payload))
    assert (event.kind, event.user) == (PanelEventKind.OTHER, None)


@pytest.mark.parametrize(
    "payload",
    [
        {"event": "user.limited"},
        user_event("user.expiration", {"expiration": "soon"}),
        user_event("user.limited", status="SLEEPING"),
        user_event("user.limited") | {"data": None},
    ],
)
def test_malformed_payloads(payload: dict[str, Any]) -> None:
    with pytest.raises(NotificationMalformedError):
        RemnawaveWebhookParser(SECRET).parse(*signed(payload))


def test_a_signed_body_that_is_not_json_is_malformed() -> None:
    body = b"\xff not json"
    digest = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    with pytest.raises(NotificationMalformedError):
        RemnawaveWebhookParser(SECRET).parse({"X-Remnawave-Signature": digest}, body)
