"""The fake panel in the 2.x dialect (Appendix B): uuid keys, old lookups and event names."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.fakes.remnawave import FakePanel
from tests.fakes.remnawave.client import panel_client

NOW = datetime(2026, 8, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def panel() -> FakePanel:
    return FakePanel(now=NOW, panel_version="2.7.1", expiration_offsets_hours=[-72, 24])


@pytest.fixture
async def api(panel: FakePanel) -> AsyncIterator[httpx.AsyncClient]:
    async with panel_client(panel) as client:
        yield client


async def create(api: httpx.AsyncClient, username: str = "tg_1", **fields: Any) -> dict[str, Any]:
    body = {"username": username, "expireAt": "2026-09-20T10:00:00Z"} | fields
    response = await api.post("/api/users", json=body)
    assert response.status_code == 201, response.text
    user: dict[str, Any] = response.json()["response"]
    return user


async def test_users_lead_with_uuid_and_are_addressed_by_it(api: httpx.AsyncClient) -> None:
    user = await create(api, telegramId=5)
    assert list(user)[:2] == ["uuid", "id"]
    assert (await api.get(f"/api/users/{user['uuid']}")).json()["response"]["id"] == user["id"]
    by_id = await api.get(f"/api/users/by-id/{user['id']}")
    assert by_id.json()["response"]["uuid"] == user["uuid"]
    numeric = await api.get(f"/api/users/{user['id']}")
    assert numeric.status_code == 400
    assert numeric.json()["errors"][0]["code"] == "invalid_string"
    disabled = await api.post(f"/api/users/{user['uuid']}/actions/disable")
    assert disabled.json()["response"]["status"] == "DISABLED"
    patched = await api.patch("/api/users", json={"uuid": user["uuid"], "status": "ACTIVE"})
    assert patched.json()["response"]["status"] == "ACTIVE"
    extend = await api.post(f"/api/users/{user['uuid']}/actions/extend", json={"days": 1})
    assert extend.status_code == 404


async def test_lookups_return_lists(api: httpx.AsyncClient) -> None:
    await create(api, "a_1", telegramId=5)
    await create(api, "a_2", telegramId=5)
    found = (await api.get("/api/users/by-telegram-id/5")).json()["response"]
    assert [u["username"] for u in found] == ["a_1", "a_2"]
    assert (await api.get("/api/users/by-telegram-id/6")).json() == {"response": []}


async def test_delete_answers_is_deleted_and_devices_use_user_uuid(
    api: httpx.AsyncClient, panel: FakePanel
) -> None:
    user = await create(api)
    panel.add_device(user["id"], "hwid-0000000001")
    devices = (await api.get(f"/api/hwid/devices/{user['uuid']}")).json()["response"]
    assert devices["devices"][0]["userUuid"] == user["uuid"]
    body = {"userUuid": user["uuid"], "hwid": "hwid-0000000001"}
    assert (await api.post("/api/hwid/devices/delete", json=body)).json()["response"]["total"] == 0
    deleted = await api.delete(f"/api/users/{user['uuid']}")
    assert (deleted.status_code, deleted.json()) == (200, {"response": {"isDeleted": True}})


async def test_expiry_warnings_use_the_old_event_names(panel: FakePanel) -> None:
    panel.seed_user("soon", NOW + timedelta(hours=72))
    panel.seed_user("past", NOW - timedelta(hours=24))
    panel.tick()
    events = sorted(w["event"] for w in panel.pending_webhooks)
    assert events == ["user.expired", "user.expired_24_hours_ago", "user.expires_in_72_hours"]
    assert all(w["meta"] is None for w in panel.pending_webhooks)


async def test_from_2_8_the_warning_is_user_expiration() -> None:
    panel = FakePanel(now=NOW, panel_version="2.8.1", expiration_offsets_hours=[-72])
    panel.seed_user("soon", NOW + timedelta(hours=72))
    panel.tick()
    assert [(w["event"], w["meta"]) for w in panel.pending_webhooks] == [
        ("user.expiration", {"expiration": -72})
    ]
