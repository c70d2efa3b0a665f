"""Internal squads, system information and subscription info (spec §5.7, §5.9, §5.10)."""

from __future__ import annotations

from typing import Any

from tests.fakes.remnawave.lookup import user_by_id, user_by_uuid, user_where
from tests.fakes.remnawave.problems import CodedError
from tests.fakes.remnawave.records import STATUSES, FakeUser
from tests.fakes.remnawave.routing import Call, Reply
from tests.fakes.remnawave.serialise import iso, pretty_bytes, squad_json
from tests.fakes.remnawave.validation import uuid_param


def list_squads(call: Call) -> Reply:
    squads = sorted(call.panel.squads.values(), key=lambda s: s.view_position)
    listed = [squad_json(call.panel, s) for s in squads]
    return Reply(200, {"total": len(listed), "internalSquads": listed})


def get_squad(call: Call) -> Reply:
    squad = call.panel.squads.get(uuid_param(call.params["uuid"]))
    if squad is None:
        raise CodedError("A118")
    return Reply(200, squad_json(call.panel, squad))


def metadata(call: Call) -> Reply:
    return Reply(200, {
        "version": call.panel.panel_version,
        "build": {"time": iso(call.panel.now()), "number": "1"},
        "git": {
            "backend": {"commitSha": "fake", "branch": "main", "commitUrl": ""},
            "frontend": {"commitSha": "fake", "commitUrl": ""},
        },
    })  # fmt: skip


def _millis(call: Call) -> int:
    return int(call.panel.now().timestamp() * 1000)


def health(call: Call) -> Reply:
    metrics = dict.fromkeys(
        ("rss", "heapUsed", "heapTotal", "external", "arrayBuffers", "eventLoopDelayMs"), 0
    ) | {"eventLoopP99Ms": 0, "activeHandles": 0, "uptime": 1, "pid": 1}
    instance = {"timestamp": _millis(call), "instanceId": "0", "instanceType": "api"}
    return Reply(200, {"runtimeMetrics": [metrics | instance]})


def stats(call: Call) -> Reply:
    users = list(call.panel.users.values())
    counts = {status: sum(u.status == status for u in users) for status in STATUSES}
    never = sum(u.online_at is None for u in users)
    return Reply(200, {
        "cpu": {"cores": 1},
        "memory": {"total": 0, "free": 0, "used": 0},
        "uptime": 1,
        "timestamp": _millis(call),
        "users": {"statusCounts": counts, "totalUsers": len(users)},
        "onlineStats": {"lastDay": 0, "lastWeek": 0, "neverOnline": never, "onlineNow": 0},
        "nodes": {"totalOnline": 0, "totalBytesLifetime": "0"},
    })  # fmt: skip


def _info(call: Call, user: FakeUser) -> Reply:
    panel = call.panel
    seconds = (user.expire_at - panel.now()).total_seconds()
    body: dict[str, Any] = {
        "shortUuid": user.short_uuid,
        "daysLeft": int(seconds / 86400),
        "trafficUsed": pretty_bytes(user.used_bytes),
        "trafficLimit": pretty_bytes(user.traffic_limit_bytes),
        "lifetimeTrafficUsed": pretty_bytes(user.lifetime_used_bytes),
        "trafficUsedBytes": str(user.used_bytes),
        "trafficLimitBytes": str(user.traffic_limit_bytes),
        "lifetimeTrafficUsedBytes": str(user.lifetime_used_bytes),
        "username": user.username,
        "expiresAt": iso(user.expire_at),
        "isActive": user.status == "ACTIVE",
        "userStatus": user.status,
        "trafficLimitStrategy": user.traffic_limit_strategy,
    }
    return Reply(200, {
        "isFound": True, "user": body, "links": [], "ssConfLinks": {},
        "subscriptionUrl": panel.subscription_url(user),
    })  # fmt: skip


def info_by_short_uuid(call: Call) -> Reply:
    return _info(call, user_where(call, "A025", short_uuid=call.params["short"]))


def info_by_username(call: Call) -> Reply:
    return _info(call, user_where(call, "A025", username=call.params["username"]))


def info_by_id(call: Call) -> Reply:
    return _info(call, user_by_id(call, call.params["id"]))


def info_by_uuid_v2(call: Call) -> Reply:
    return _info(call, user_by_uuid(call, call.params["uuid"]))
