"""Remnawave webhooks -> `PanelEvent`: HMAC-SHA256 over the raw body, then a tolerant parse.

The signature is checked on the exact bytes received (re-serialising parsed JSON would
escape non-ASCII text and break it) and compared in constant time. Without a configured
secret every delivery is refused. 3.x and 2.x event names map onto the same kinds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from shop_adapters.remnawave.dialect import PanelDialect
from shop_adapters.remnawave.mapping import to_panel_user
from shop_adapters.remnawave.schemas import UserPayload
from shop_domain.errors import NotificationMalformedError, NotificationUntrustedError, VpnPanelError
from shop_domain.ports.vpn_panel import PanelEvent, PanelEventKind, PanelUser

SIGNATURE_HEADER = "x-remnawave-signature"
_KINDS = {
    "user.expired": PanelEventKind.EXPIRED,
    "user.limited": PanelEventKind.LIMITED,
    "user.enabled": PanelEventKind.ENABLED,
    "user.disabled": PanelEventKind.DISABLED,
    "user.revoked": PanelEventKind.REVOKED,
    "user.modified": PanelEventKind.MODIFIED,
    "user.deleted": PanelEventKind.DELETED,
    "user.traffic_reset": PanelEventKind.TRAFFIC_RESET,
    "user.first_connected": PanelEventKind.FIRST_CONNECTED,
    "user_hwid_devices.added": PanelEventKind.DEVICE_ADDED,
    "user_hwid_devices.deleted": PanelEventKind.DEVICE_DELETED,
}
# Before 2.8 each expiry warning was its own event, without meta.
_OLD_EXPIRY = {
    "user.expires_in_72_hours": -72,
    "user.expires_in_48_hours": -48,
    "user.expires_in_24_hours": -24,
    "user.expired_24_hours_ago": 24,
}


class RemnawaveWebhookParser:
    """Implements `PanelWebhookParser`; `secret` is the panel's WEBHOOK_SECRET_HEADER."""

    def __init__(self, secret: str | None) -> None:
        self._secret = secret.encode() if secret else None

    def parse(self, headers: Mapping[str, str], body: bytes) -> PanelEvent:
        self._verify(headers, body)
        try:
            payload = json.loads(body)
            event, timestamp = str(payload["event"]), str(payload["timestamp"])
            occurred_at = datetime.fromisoformat(timestamp)
        except (ValueError, KeyError, TypeError) as exc:
            msg = "the panel webhook is not a JSON event with a timestamp"
            raise NotificationMalformedError(msg) from exc
        kind, hours = _classify(event, payload.get("meta"))
        user = _user_of(payload) if kind is not PanelEventKind.OTHER else None
        return PanelEvent(
            name=event,
            kind=kind,
            dedupe_key=_dedupe_key(event, user, timestamp, payload, hours),
            occurred_at=occurred_at,
            user=user,
            hours_relative=hours,
        )

    def _verify(self, headers: Mapping[str, str], body: bytes) -> None:
        if self._secret is None:
            msg = "panel webhooks are refused: no webhook secret is configured"
            raise NotificationUntrustedError(msg)
        given = {name.lower(): value for name, value in headers.items()}.get(SIGNATURE_HEADER)
        if not given:
            msg = "the panel webhook carries no signature"
            raise NotificationUntrustedError(msg)
        expected = hmac.new(self._secret, body, hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(expected, given.strip().lower().encode(errors="replace")):
            msg = "the panel webhook signature does not match its body"
            raise NotificationUntrustedError(msg)


def _classify(event: str, meta: Any) -> tuple[PanelEventKind, int | None]:
    if event in _OLD_EXPIRY:
        hours = _OLD_EXPIRY[event]
    elif event == "user.expiration":
        raw = meta.get("expiration") if isinstance(meta, dict) else None
        if not isinstance(raw, int) or isinstance(raw, bool):
            msg = "user.expiration without an integer meta.expiration"
            raise NotificationMalformedError(msg)
        hours = raw
    else:
        return _KINDS.get(event, PanelEventKind.OTHER), None
    kind = PanelEventKind.EXPIRATION_WARNING if hours < 0 else PanelEventKind.EXPIRED
    return kind, hours


def _user_of(payload: dict[str, Any]) -> PanelUser:
    data = payload.get("data")
    if payload.get("scope") == "user_hwid_devices" and isinstance(data, dict):
        data = data.get("user")
    try:
        user = UserPayload.model_validate(data)
        # 2.x users always carry a uuid and 3.x users never do
        dialect = PanelDialect("webhook", 2 if user.uuid else 3)
        return to_panel_user(user, dialect)
    except (ValidationError, VpnPanelError) as exc:
        msg = "the panel webhook carries no readable user"
        raise NotificationMalformedError(msg) from exc


def _dedupe_key(
    event: str, user: PanelUser | None, timestamp: str, payload: dict[str, Any], hours: int | None
) -> str:
    """The panel sends no event id: (event, user, timestamp), plus what else tells two apart."""
    parts = [event, user.ref if user is not None else "-", timestamp]
    if hours is not None:
        parts.append(f"{hours:+d}")
    device = payload.get("data", {}).get("hwidUserDevice") if user is not None else None
    if isinstance(device, dict):
        parts.append(str(device.get("hwid", ""))[:64])
    return ":".join(parts)[:255]
