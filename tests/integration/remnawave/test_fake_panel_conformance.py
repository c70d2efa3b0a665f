"""The fake panel itself against the §9 checklist of remnawave-fake-panel.md, over plain httpx."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.fakes.remnawave import DEFAULT_SECRET, FakePanel
from tests.fakes.remnawave.client import panel_client

NOW = datetime(2026, 8, 20, 10, 0, tzinfo=UTC)
USER_KEYS = [
    "id", "shortUuid", "username", "status", "trafficLimitBytes", "trafficLimitStrategy",
    "expireAt", "telegramId", "email", "description", "tag", "hwidDeviceLimit",
    "externalSquadUuid", "trojanPassword", "vlessUuid", "ssPassword", "lastTriggeredThreshold",
    "subRevokedAt", "lastTrafficResetAt", "createdAt", "updatedAt", "subscriptionUrl",
    "activeInternalSquads", "userTraffic",
]  # fmt: skip


@pytest.fixture
def panel() -> FakePanel:
    return FakePanel(now=NOW)


@pytest.fixture
async def api(panel: FakePanel) -> AsyncIterator[httpx.AsyncClient]:
    async with panel_client(panel) as client:
        yield client


async def create(api: httpx.AsyncClient, username: str = "tg_1", **fields: Any) -> dict[str, Any]:
    body = {"username": username, "expireAt": "2026-09-20T10:00:00.000Z"} | fields
    response = await api.post("/api/users", json=body)
    assert response.status_code == 201, response.text
    user: dict[str, Any] = response.json()["response"]
    return user


def issue_paths(response: httpx.Response) -> list[list[object]]:
    body = response.json()
    assert body["statusCode"] == 400
    assert body["message"] == "Validation failed"
    return [issue["path"] for issue in body["errors"]]


def assert_coded(response: httpx.Response, status: int, code: str, message: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["errorCode"] == code
    assert body["message"] == message
    assert body["timestamp"] == "2026-08-20T10:00:00.000Z"
    assert body["path"] == response.request.url.raw_path.decode()


# 1
async def test_without_proxy_headers_the_connection_is_dropped(panel: FakePanel) -> None:
    async with panel_client(panel, proxy_headers=False) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get("/api/system/metadata")
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get("/api/sub/whatever/info")
    async with panel_client(panel) as client:
        client.headers["X-Forwarded-Proto"] = "http"
        with pytest.raises(httpx.TransportError):
            await client.get("/api/system/metadata")


async def test_gates_drop_without_the_cookie_and_refuse_without_the_api_key() -> None:
    panel = FakePanel(gate_cookie=("gate", "s3cret"), gate_api_key="portal-key")
    async with panel_client(panel) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get("/api/system/metadata")
        client.cookies.set("gate", "s3cret")
        refused = await client.get("/api/system/metadata")
        assert refused.status_code == 401
        assert refused.headers["content-type"].startswith("text/plain")
        client.headers["X-Api-Key"] = "portal-key"
        assert (await client.get("/api/system/metadata")).json()["response"]["version"] == "3.3.2"


# 2
@pytest.mark.parametrize("token", [None, "wrong"])
async def test_missing_or_wrong_token_is_401(panel: FakePanel, token: str | None) -> None:
    async with panel_client(panel, token=token) as client:
        response = await client.get("/api/users/1")
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthorized", "statusCode": 401}


async def test_scopes_unknown_routes_and_public_info() -> None:
    panel = FakePanel(token_scopes=["users:read"])
    async with panel_client(panel) as client:
        forbidden = await client.post("/api/users", json={})
        assert forbidden.status_code == 403
        assert forbidden.json() == {
            "message": "Forbidden resource", "error": "Forbidden", "statusCode": 403,
        }  # fmt: skip
        assert (await client.get("/api/users")).status_code == 200
        missing = await client.get("/api/nodes")
    assert missing.status_code == 404
    assert missing.json() == {
        "message": "Cannot GET /api/nodes", "error": "Not Found", "statusCode": 404,
    }  # fmt: skip


# 3
async def test_create_returns_the_full_user_and_rejects_a_taken_username(
    api: httpx.AsyncClient, panel: FakePanel
) -> None:
    squad = panel.seed_squad("Default")
    user = await create(api, telegramId=42, activeInternalSquads=[squad])
    assert list(user) == USER_KEYS
    assert "uuid" not in user
    assert user["status"] == "ACTIVE"
    assert user["subscriptionUrl"] == f"https://panel.test/api/sub/{user['shortUuid']}"
    assert len(user["shortUuid"]) == 16
    assert user["activeInternalSquads"] == [{"uuid": squad, "name": "Default"}]
    assert user["createdAt"] == "2026-08-20T10:00:00.000Z"
    assert user["userTraffic"]["usedTrafficBytes"] == 0
    assert user["hwidDeviceLimit"] is None
    again = await api.post("/api/users", json={"username": "tg_1", "expireAt": user["expireAt"]})
    assert_coded(again, 400, "A019", "User username already exists")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"username": "no spaces"}, "username"),
        ({"username": "ab"}, "username"),
        ({"expireAt": "2026-09-20"}, "expireAt"),
        ({"trafficLimitBytes": "100"}, "trafficLimitBytes"),
        ({"description": None}, "description"),
        ({"hwidDeviceLimit": None}, "hwidDeviceLimit"),
        ({"tag": "lower"}, "tag"),
        ({"email": "not-an-email"}, "email"),
        ({"activeInternalSquads": ["nope"]}, "activeInternalSquads"),
    ],
)
async def test_create_validates_fields(
    api: httpx.AsyncClient, fields: dict[str, object], field: str
) -> None:
    body = {"username": "tg_1", "expireAt": "2026-09-20T10:00:00Z"} | fields
    response = await api.post("/api/users", json=body)
    assert response.status_code == 400
    assert any(path[:1] == [field] for path in issue_paths(response))


async def test_create_with_an_unknown_squad_is_a018(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/api/users",
        json={"username": "tg_1", "expireAt": "2026-09-20T10:00:00+03:00",
              "activeInternalSquads": ["00000000-0000-4000-8000-000000000000"]},
    )  # fmt: skip
    assert_coded(response, 500, "A018", "Failed to create user")


# 4
async def test_a_past_expiry_is_accepted_then_the_watchdog_expires_it(
    api: httpx.AsyncClient, panel: FakePanel
) -> None:
    user = await create(api, expireAt="2026-08-01T00:00:00")
    assert user["status"] == "ACTIVE"
    assert user["expireAt"] == "2026-08-01T00:00:00.000Z"
    panel.tick()
    assert panel.users[user["id"]].status == "EXPIRED"
    events = [w["event"] for w in panel.pending_webhooks]
    assert events == ["user.created", "user.expired"]
    assert panel.pending_webhooks[-1]["data"]["status"] == "EXPIRED"


# 5
async def test_patch_rules(api: httpx.AsyncClient, panel: FakePanel) -> None:
    user = await create(api, expireAt="2026-08-01T00:00:00Z")
    past = await api.patch(
        "/api/users", json={"id": user["id"], "expireAt": "2026-08-19T00:00:00Z"}
    )
    assert ["expireAt"] in issue_paths(past)
    expired_status = await api.patch("/api/users", json={"id": user["id"], "status": "EXPIRED"})
    assert ["status"] in issue_paths(expired_status)
    nobody = await api.patch("/api/users", json={"status": "ACTIVE"})
    assert [] in issue_paths(nobody)
    panel.tick()
    disabled = await api.patch("/api/users", json={"username": "tg_1", "status": "DISABLED"})
    assert disabled.status_code == 200
    assert disabled.json()["response"]["status"] == "EXPIRED"
    redated = await api.patch(
        "/api/users", json={"id": user["id"], "expireAt": "2026-12-01T00:00:00Z"}
    )
    assert redated.json()["response"]["status"] == "ACTIVE"
    missing = await api.patch("/api/users", json={"id": 999, "description": None})
    assert_coded(missing, 404, "A025", "User not found")


async def test_patch_lifts_a_traffic_limit(api: httpx.AsyncClient, panel: FakePanel) -> None:
    user = await create(api, trafficLimitBytes=1000)
    panel.set_traffic(user["id"], 1000)
    panel.tick()
    assert panel.users[user["id"]].status == "LIMITED"
    lifted = await api.patch("/api/users", json={"id": user["id"], "trafficLimitBytes": 5000})
    assert lifted.json()["response"]["status"] == "ACTIVE"
    assert [w["event"] for w in panel.pending_webhooks][-1] == "user.modified"


# 6
async def test_enable_and_disable_refuse_a_no_op(api: httpx.AsyncClient) -> None:
    user = await create(api)
    enable = await api.post(f"/api/users/{user['id']}/actions/enable")
    assert_coded(enable, 400, "A030", "User already enabled")
    first = await api.post(f"/api/users/{user['id']}/actions/disable")
    assert first.json()["response"]["status"] == "DISABLED"
    second = await api.post(f"/api/users/{user['id']}/actions/disable")
    assert_coded(second, 400, "A029", "User already disabled")


# 7
async def test_reset_traffic_reactivates_a_limited_user(
    api: httpx.AsyncClient, panel: FakePanel
) -> None:
    user = await create(api, trafficLimitBytes=1000)
    panel.set_traffic(user["id"], 1500)
    panel.tick()
    response = await api.post(f"/api/users/{user['id']}/actions/reset-traffic")
    traffic = response.json()["response"]["userTraffic"]
    assert response.json()["response"]["status"] == "ACTIVE"
    assert (traffic["usedTrafficBytes"], traffic["lifetimeUsedTrafficBytes"]) == (0, 1500)
    events = [w["event"] for w in panel.pending_webhooks]
    assert events[-3:] == ["user.limited", "user.enabled", "user.traffic_reset"]


# 8
async def test_extend_an_expired_user_counts_from_now(
    api: httpx.AsyncClient, panel: FakePanel
) -> None:
    user = await create(api, expireAt="2026-07-01T00:00:00Z")
    panel.tick()
    response = await api.post(f"/api/users/{user['id']}/actions/extend", json={"days": 30})
    extended = response.json()["response"]
    assert extended["status"] == "ACTIVE"
    assert extended["expireAt"] == "2026-09-19T10:00:00.000Z"
    invalid = await api.post(f"/api/users/{user['id']}/actions/extend", json={"days": 0})
    assert ["days"] in issue_paths(invalid)


# 9
async def test_delete_is_204_then_a025(api: httpx.AsyncClient, panel: FakePanel) -> None:
    user = await create(api)
    panel.add_device(user["id"], "hwid-0000000001")
    deleted = await api.delete(f"/api/users/{user['id']}")
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert panel.devices == {}
    assert panel.pending_webhooks[-1]["event"] == "user.deleted"
    again = await api.delete(f"/api/users/{user['id']}")
    assert_coded(again, 404, "A025", "User not found")


# 10
async def test_lookups_answer_a063_and_validate_ids(api: httpx.AsyncClient) -> None:
    user = await create(api, username="Alice")
    assert (await api.get("/api/users/by-username/Alice")).json()["response"]["id"] == user["id"]
    missing = await api.get("/api/users/by-username/alice")
    assert_coded(missing, 404, "A063", "User with specified params not found")
    assert_coded(
        await api.get("/api/users/77"), 404, "A063", "User with specified params not found"
    )
    for bad in ("0", "-1", "abc"):
        assert ["userId"] in issue_paths(await api.get(f"/api/users/{bad}"))
    short = await api.get(f"/api/users/by-short-uuid/{user['shortUuid']}")
    assert short.json()["response"]["username"] == "Alice"
    resolved = await api.post("/api/users/resolve", json={"username": "Alice"})
    assert resolved.json()["response"] == {
        "id": user["id"], "username": "Alice", "shortUuid": user["shortUuid"],
    }  # fmt: skip
    assert [] in issue_paths(await api.post("/api/users/resolve", json={"id": 1, "username": "x"}))


# 11
async def test_stream_filters_by_telegram_id_and_pages_by_cursor(api: httpx.AsyncClient) -> None:
    for n in range(5):
        await create(api, username=f"user_{n}", telegramId=7 if n % 2 == 0 else 8)
    mine = (await api.get("/api/users/stream", params={"telegramId": "7"})).json()["response"]
    assert [u["username"] for u in mine["users"]] == ["user_0", "user_2", "user_4"]
    assert (mine["hasMore"], mine["nextCursor"]) == (False, None)
    first = (await api.get("/api/users/stream", params={"size": 2})).json()["response"]
    assert ([u["id"] for u in first["users"]], first["nextCursor"], first["hasMore"]) == (
        [1, 2], "2", True,
    )  # fmt: skip
    rest = await api.get("/api/users/stream", params={"size": 2, "cursor": 4})
    assert [u["id"] for u in rest.json()["response"]["users"]] == [5]
    assert ["telegramId"] in issue_paths(await api.get("/api/users/stream?telegramId=abc"))
    listed = (await api.get("/api/users", params={"start": 1, "size": 2})).json()["response"]
    assert ([u["id"] for u in listed["users"]], listed["total"]) == ([4, 3], 5)


# 12
async def test_hwid_devices(api: httpx.AsyncClient, panel: FakePanel) -> None:
    user = await create(api)
    panel.add_device(user["id"], "hwid-0000000001", platform="iOS")
    panel.add_device(user["id"], "hwid-0000000002")
    listed = (await api.get(f"/api/hwid/devices/{user['id']}")).json()["response"]
    assert listed["total"] == 2
    assert listed["devices"][0]["platform"] == "iOS"
    assert listed["devices"][0]["userId"] == user["id"]
    unknown = await api.post("/api/hwid/devices/delete", json={"userId": user["id"], "hwid": "zz"})
    assert_coded(unknown, 404, "A204", "HWID device not found")
    body = {"userId": user["id"], "hwid": "hwid-0000000001"}
    remaining = (await api.post("/api/hwid/devices/delete", json=body)).json()["response"]
    assert [d["hwid"] for d in remaining["devices"]] == ["hwid-0000000002"]
    assert panel.pending_webhooks[-1]["event"] == "user_hwid_devices.deleted"
    assert panel.pending_webhooks[-1]["data"]["hwidUserDevice"]["hwid"] == "hwid-0000000001"
    no_user = await api.get("/api/hwid/devices/99")
    assert_coded(no_user, 404, "A025", "User not found")


async def test_device_limit_when_hwid_is_enabled() -> None:
    panel = FakePanel(hwid_enabled=True, hwid_fallback_limit=1)
    async with panel_client(panel) as api:
        user = await create(api)
        body = {"userId": user["id"], "hwid": "device-00000001"}
        assert (await api.post("/api/hwid/devices", json=body)).status_code == 200
        assert (await api.post("/api/hwid/devices", json=body)).json()["errorCode"] == "A098"
        body["hwid"] = "device-00000002"
        assert (await api.post("/api/hwid/devices", json=body)).json()["errorCode"] == "A099"


# 13
async def test_webhook_signature_verifies_over_raw_bytes_with_cyrillic(
    api: httpx.AsyncClient, panel: FakePanel
) -> None:
    received: list[tuple[str, bytes, dict[str, str]]] = []

    async def sink(url: str, body: bytes, headers: Any) -> int:
        received.append((url, body, dict(headers)))
        return 200

    panel.outbox.sink = sink
    panel.outbox.urls = ["https://shop.test/panel/webhook"]
    await create(api, description="Подписка Иван")
    deliveries = await panel.flush_webhooks()
    assert [status for _, status, _, _ in deliveries] == [200]
    _, body, headers = received[0]
    assert "Подписка Иван".encode() in body
    assert b"\\u" not in body
    expected = hmac.new(DEFAULT_SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Remnawave-Signature"] == expected
    payload = json.loads(body)
    assert list(payload) == ["scope", "event", "timestamp", "data", "meta"]
    assert headers["X-Remnawave-Timestamp"] == payload["timestamp"] == "2026-08-20T10:00:00.000Z"
    assert (headers["User-Agent"], headers["Content-Type"]) == ("Remnawave", "application/json")
    reencoded = json.dumps(payload, separators=(",", ":")).encode()
    assert hmac.new(DEFAULT_SECRET.encode(), reencoded, hashlib.sha256).hexdigest() != expected


async def test_revoke_changes_the_link_and_public_info_follows(
    api: httpx.AsyncClient, panel: FakePanel
) -> None:
    user = await create(api, trafficLimitBytes=3 * 1024**3)
    panel.set_traffic(user["id"], 1024**3 + 512 * 1024**2)
    revoked = (await api.post(f"/api/users/{user['id']}/actions/revoke")).json()["response"]
    assert revoked["shortUuid"] != user["shortUuid"]
    assert revoked["vlessUuid"] != user["vlessUuid"]
    assert revoked["subRevokedAt"] == "2026-08-20T10:00:00.000Z"
    old = await api.get(f"/api/sub/{user['shortUuid']}/info", headers={"Authorization": ""})
    assert old.json()["errorCode"] == "A025"
    panel.advance(timedelta(days=2, hours=3))
    info = await api.get(f"/api/sub/{revoked['shortUuid']}/info", headers={"Authorization": ""})
    details = info.json()["response"]["user"]
    assert (details["daysLeft"], details["trafficUsed"], details["trafficLimit"]) == (
        28, "1.50 GiB", "3.00 GiB",
    )  # fmt: skip
    assert details["trafficUsedBytes"] == str(1024**3 + 512 * 1024**2)
    assert info.json()["response"]["subscriptionUrl"] == revoked["subscriptionUrl"]


async def test_squads_and_system(api: httpx.AsyncClient, panel: FakePanel) -> None:
    squad = panel.seed_squad("Main")
    await create(api, activeInternalSquads=[squad])
    squads = (await api.get("/api/internal-squads")).json()["response"]
    assert squads["total"] == 1
    assert squads["internalSquads"][0]["info"] == {"membersCount": 1, "inboundsCount": 0}
    missing = await api.get("/api/internal-squads/00000000-0000-4000-8000-000000000000")
    assert_coded(missing, 404, "A118", "Internal squad not found")
    assert (await api.get("/api/internal-squads/nope")).status_code == 400
    stats = (await api.get("/api/system/stats")).json()["response"]
    assert stats["users"] == {
        "statusCounts": {"ACTIVE": 1, "DISABLED": 0, "LIMITED": 0, "EXPIRED": 0}, "totalUsers": 1,
    }  # fmt: skip
    health = (await api.get("/api/system/health")).json()["response"]
    assert health["runtimeMetrics"][0]["instanceType"] == "api"


def test_a_weak_webhook_secret_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match="32 characters"):
        FakePanel(webhook_secret="short")  # noqa: S106
    with pytest.raises(ValueError, match="32 characters"):
        FakePanel(webhook_secret="x" * 31 + "-")
