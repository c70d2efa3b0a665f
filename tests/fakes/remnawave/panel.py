"""`FakePanel`: the in-memory Remnawave panel, its clock and the test-control API (spec §1, §8).

The HTTP surface is `panel.app` (ASGI, for `httpx.ASGITransport`); nothing here is reachable
over HTTP. `panel_version` picks the dialect: 3.x (numeric ids) or 2.x (uuid paths).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any
from uuid import uuid4

import httpx

from tests.fakes.remnawave.asgi import PanelApp, RecordedRequest
from tests.fakes.remnawave.faults import Fault, Faults
from tests.fakes.remnawave.records import FakeDevice, FakeSquad, FakeUser, random_token, truncate_ms
from tests.fakes.remnawave.serialise import device_json, iso, user_json
from tests.fakes.remnawave.watchdog import tick
from tests.fakes.remnawave.webhooks import SECRET_PATTERN, Delivery, Outbox, WebhookSink

DEFAULT_SECRET = "Rw" * 32
START = datetime(2026, 8, 20, 10, 0, tzinfo=UTC)


class FakePanel:
    def __init__(  # noqa: PLR0913 - the spec's constructor arguments
        self,
        *,
        api_token: str = "test-token",  # noqa: S107 - the spec's default
        token_scopes: Sequence[str] = ("*",),
        sub_public_domain: str = "panel.test/api/sub",
        short_uuid_length: int = 16,
        panel_version: str = "3.3.2",
        require_proxy_headers: bool = True,
        gate_cookie: tuple[str, str] | None = None,
        gate_api_key: str | None = None,
        hwid_enabled: bool = False,
        hwid_fallback_limit: int = 5,
        webhook_urls: Sequence[str] = (),
        webhook_sink: WebhookSink | None = None,
        webhook_client: httpx.AsyncClient | None = None,
        webhook_secret: str = DEFAULT_SECRET,
        webhook_delivery: str = "manual",
        webhook_retry_delay_seconds: float = 0.0,
        expiration_offsets_hours: Sequence[int] = (),
        now: datetime = START,
    ) -> None:
        if not SECRET_PATTERN.fullmatch(webhook_secret):
            msg = "webhook_secret must be at least 32 characters of A-Z, a-z and 0-9"
            raise ValueError(msg)
        if webhook_delivery not in ("manual", "immediate"):
            msg = "webhook_delivery is 'manual' or 'immediate'"
            raise ValueError(msg)
        self.api_token = api_token
        self.token_scopes = tuple(token_scopes)
        self.sub_public_domain = sub_public_domain
        self.short_uuid_length = short_uuid_length
        self.panel_version = panel_version
        self.require_proxy_headers = require_proxy_headers
        self.gate_cookie = gate_cookie
        self.gate_api_key = gate_api_key
        self.hwid_enabled = hwid_enabled
        self.hwid_fallback_limit = hwid_fallback_limit
        self.webhook_delivery = webhook_delivery
        self.expiration_offsets_hours = tuple(expiration_offsets_hours)
        self.outbox = Outbox(
            webhook_secret, list(webhook_urls), webhook_sink, webhook_client,
            webhook_retry_delay_seconds,
        )  # fmt: skip
        self._now = truncate_ms(now)
        self._users: dict[int, FakeUser] = {}
        self._next_id = 1
        self.squads: dict[str, FakeSquad] = {}
        self.devices: dict[tuple[int, str], FakeDevice] = {}
        self.faults = Faults()
        self.requests: list[RecordedRequest] = []
        self.app = PanelApp(self)

    # -- dialect and clock --------------------------------------------------------------------
    @property
    def version_tuple(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.panel_version.split(".")[:3])

    @property
    def dialect(self) -> int:
        return 2 if self.version_tuple[0] == 2 else 3

    @property
    def has_expiration_event(self) -> bool:
        return self.version_tuple >= (2, 8)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now = truncate_ms(self._now + delta)

    def set_now(self, moment: datetime) -> None:
        self._now = truncate_ms(moment.astimezone(UTC))

    # -- read-only views ----------------------------------------------------------------------
    @property
    def users(self) -> Mapping[int, FakeUser]:
        return MappingProxyType(self._users)

    def user_named(self, username: str) -> FakeUser | None:
        return next((u for u in self._users.values() if u.username == username), None)

    def subscription_url(self, user: FakeUser) -> str:
        return f"https://{self.sub_public_domain}/{user.short_uuid}"

    # -- state changes used by the endpoints and the control API -----------------------------
    def add_user(self, username: str, expire_at: datetime, **fields: Any) -> FakeUser:
        now = self.now()
        fields.setdefault("short_uuid", random_token(self.short_uuid_length))
        fields.setdefault("uuid", str(uuid4()))
        fields.setdefault("status", "ACTIVE")
        fields.setdefault("created_at", now)
        user = FakeUser(
            id=self._next_id, username=username, expire_at=truncate_ms(expire_at),
            updated_at=now, **fields,
        )  # fmt: skip
        self._next_id += 1
        self._users[user.id] = user
        return user

    def remove_user(self, user: FakeUser) -> None:
        del self._users[user.id]
        for key in [key for key in self.devices if key[0] == user.id]:
            del self.devices[key]

    def touch(self, user: FakeUser) -> None:
        user.updated_at = self.now()

    def emit_user(self, event: str, user: FakeUser, meta: dict[str, int] | None = None) -> None:
        payload = {"scope": "user", "event": event, "timestamp": iso(self.now())}
        self.outbox.emit(payload | {"data": user_json(self, user), "meta": meta})

    def emit_device(self, event: str, device: FakeDevice) -> None:
        user = self._users[device.user_id]
        data = {"user": user_json(self, user), "hwidUserDevice": device_json(self, device)}
        payload = {"scope": "user_hwid_devices", "event": event, "timestamp": iso(self.now())}
        self.outbox.emit(payload | {"data": data})

    # -- test-control API (spec §8) ------------------------------------------------------------
    def seed_squad(self, name: str, uuid: str | None = None) -> str:
        squad_uuid = uuid or str(uuid4())
        now = self.now()
        self.squads[squad_uuid] = FakeSquad(squad_uuid, name, len(self.squads) + 1, now, now)
        return squad_uuid

    def seed_user(self, username: str, expire_at: datetime, **fields: Any) -> FakeUser:
        """A user that already exists on the panel (no webhook), e.g. for sync tests."""
        return self.add_user(username, expire_at, **fields)

    def set_traffic(self, user_id: int, used_bytes: int, lifetime_bytes: int | None = None) -> None:
        user = self._users[user_id]
        added = max(used_bytes - user.used_bytes, 0)
        user.lifetime_used_bytes = (
            lifetime_bytes if lifetime_bytes is not None else user.lifetime_used_bytes + added
        )
        user.used_bytes = used_bytes
        if used_bytes and user.first_connected_at is None:
            user.first_connected_at = self.now()
            user.online_at = self.now()

    def add_device(self, user_id: int, hwid: str, **fields: Any) -> FakeDevice:
        now = self.now()
        device = FakeDevice(user_id, hwid, now, now, **fields)
        self.devices[(user_id, hwid)] = device
        self.emit_device("user_hwid_devices.added", device)
        return device

    def tick(self) -> None:
        tick(self)

    async def flush_webhooks(self) -> list[tuple[str, int, bytes, dict[str, str]]]:
        return [(d.url, d.status, d.body, d.headers) for d in await self.outbox.flush()]

    @property
    def pending_webhooks(self) -> list[dict[str, Any]]:
        return [json.loads(item.body) for item in self.outbox.pending]

    @property
    def webhook_failures(self) -> list[Delivery]:
        return list(self.outbox.failures)

    def duplicate_webhooks(self, times: int = 2) -> None:
        self.outbox.duplicate(times)

    def reorder_webhooks(self) -> None:
        self.outbox.reorder()

    def delay_webhooks(self, event: str | None = None) -> None:
        self.outbox.delay(event)

    def corrupt_webhook_signatures(self, corrupt: bool = True) -> None:
        self.outbox.corrupt_signatures = corrupt

    def fail_next(
        self,
        method: str,
        path_pattern: str,
        *,
        status: int | None = None,
        error_code: str | None = None,
        drop: bool = False,
        times: int = 1,
        retry_after: str | None = None,
    ) -> None:
        fault = Fault(method.upper(), path_pattern, status, error_code, drop, retry_after, times)
        self.faults.add(fault)
