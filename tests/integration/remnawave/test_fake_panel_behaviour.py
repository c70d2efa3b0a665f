"""The fake panel's delivery machinery, fault injection and watchdog, tested on their own."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.fakes.remnawave import FakePanel, sign
from tests.fakes.remnawave.client import panel_client

NOW = datetime(2026, 8, 20, 10, 0, tzinfo=UTC)


class Receiver:
    """A webhook sink answering with the queued statuses, then 200."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.bodies: list[bytes] = []

    async def __call__(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        self.bodies.append(body)
        return self.statuses.pop(0) if self.statuses else 200

    def events(self) -> list[str]:
        return [json.loads(body)["event"] for body in self.bodies]


def make_panel(receiver: Receiver, **options: Any) -> FakePanel:
    return FakePanel(
        now=NOW, webhook_urls=["https://shop.test/hook"], webhook_sink=receiver, **options
    )


async def add_user(panel: FakePanel, username: str = "tg_1", **fields: Any) -> int:
    async with panel_client(panel) as api:
        body = {"username": username, "expireAt": "2026-09-20T10:00:00Z"} | fields
        response = await api.post("/api/users", json=body)
    assert response.status_code == 201
    return int(response.json()["response"]["id"])


async def test_failed_deliveries_are_retried_three_times_then_dropped() -> None:
    receiver = Receiver(500, 502, 200, 500, 500, 500, 500)
    panel = make_panel(receiver)
    await add_user(panel, "first")
    await add_user(panel, "second")
    results = await panel.flush_webhooks()
    assert [status for _, status, _, _ in results] == [200, 500]
    assert len(receiver.bodies) == 3 + 4
    assert [json.loads(d.body)["data"]["username"] for d in panel.webhook_failures] == ["second"]
    assert panel.pending_webhooks == []


async def test_switches_duplicate_reorder_delay_and_corrupt() -> None:
    receiver = Receiver()
    panel = make_panel(receiver)
    user_id = await add_user(panel)
    async with panel_client(panel) as api:
        await api.post(f"/api/users/{user_id}/actions/disable")
        await api.post(f"/api/users/{user_id}/actions/enable")
    panel.delay_webhooks("user.created")
    panel.reorder_webhooks()
    panel.duplicate_webhooks()
    await panel.flush_webhooks()
    assert receiver.events() == ["user.enabled"] * 2 + ["user.disabled"] * 2
    panel.corrupt_webhook_signatures()
    ((_, _, body, headers),) = await panel.flush_webhooks()
    assert json.loads(body)["event"] == "user.created"
    assert headers["X-Remnawave-Signature"] != sign(panel.outbox.secret, body)


async def test_immediate_delivery_posts_over_http_after_each_request() -> None:
    seen: list[httpx.Request] = []

    def receive(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    client = httpx.AsyncClient(transport=httpx.MockTransport(receive))
    panel = FakePanel(
        webhook_urls=["https://shop.test/hook"], webhook_client=client, webhook_delivery="immediate"
    )
    await add_user(panel)
    await client.aclose()
    assert len(seen) == 1
    assert seen[0].headers["x-remnawave-signature"] == sign(panel.outbox.secret, seen[0].content)


@pytest.mark.parametrize("offset", [-72, -24, 24])
async def test_expiration_warnings_fire_in_their_minute(offset: int) -> None:
    panel = FakePanel(now=NOW, expiration_offsets_hours=[-72, -24, 24])
    expire = NOW + timedelta(hours=-offset, seconds=30)
    panel.seed_user("tg_1", expire, telegram_id=1)
    panel.tick()
    warnings = [w for w in panel.pending_webhooks if w["event"] == "user.expiration"]
    assert [w["meta"] for w in warnings] == [{"expiration": offset}]
    panel.advance(timedelta(minutes=1))
    panel.tick()
    assert len([w for w in panel.pending_webhooks if w["event"] == "user.expiration"]) == 1


async def test_fault_injection() -> None:
    panel = FakePanel(now=NOW)
    panel.fail_next("GET", "/api/users/*", status=503, retry_after="2", times=2)
    panel.fail_next("GET", "/api/system/metadata", drop=True)
    panel.fail_next("POST", "/api/users", error_code="A018")
    async with panel_client(panel) as api:
        first = await api.get("/api/users/1")
        assert (first.status_code, first.headers["retry-after"]) == (503, "2")
        assert (await api.get("/api/users/1")).status_code == 503
        assert (await api.get("/api/users/1")).json()["errorCode"] == "A063"
        with pytest.raises(httpx.RemoteProtocolError):
            await api.get("/api/system/metadata")
        assert (await api.get("/api/system/metadata")).status_code == 200
        coded = await api.post("/api/users", json={})
        assert (coded.status_code, coded.json()["errorCode"]) == (500, "A018")
    assert [r.path for r in panel.requests][:2] == ["/api/users/1", "/api/users/1"]
    assert panel.requests[0].headers["x-forwarded-proto"] == "https"


async def test_limited_and_first_connection_from_traffic() -> None:
    panel = FakePanel(now=NOW)
    user = panel.seed_user("tg_1", NOW + timedelta(days=3), traffic_limit_bytes=100)
    panel.set_traffic(user.id, 60)
    panel.set_traffic(user.id, 120)
    assert (user.used_bytes, user.lifetime_used_bytes) == (120, 120)
    assert user.first_connected_at == NOW
    panel.tick()
    assert user.status == "LIMITED"
    assert [w["event"] for w in panel.pending_webhooks] == ["user.limited"]
