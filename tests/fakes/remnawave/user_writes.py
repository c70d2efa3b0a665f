"""`POST /users` and `PATCH /users` (spec §5.1, §5.3)."""

from __future__ import annotations

from typing import Any

from tests.fakes.remnawave.lookup import user_where
from tests.fakes.remnawave.problems import CodedError
from tests.fakes.remnawave.records import STATUSES, STRATEGIES, FakeUser, truncate_ms
from tests.fakes.remnawave.routing import Call, Reply
from tests.fakes.remnawave.serialise import user_json
from tests.fakes.remnawave.validation import Checker

USERNAME = r"^[A-Za-z0-9_-]+$"
TAG = r"^[A-Z0-9_]+$"
_KEYS = {
    "traffic_limit_bytes": "trafficLimitBytes",
    "traffic_limit_strategy": "trafficLimitStrategy",
    "description": "description",
    "tag": "tag",
    "telegram_id": "telegramId",
    "email": "email",
    "hwid_device_limit": "hwidDeviceLimit",
    "squads": "activeInternalSquads",
    "external_squad_uuid": "externalSquadUuid",
}
USERNAME_MESSAGE = "Username can only contain letters, numbers, underscores and dashes"


def _optional_fields(c: Checker, *, create: bool) -> dict[str, Any]:
    """Fields both create and update accept; on create description/hwid are not nullable."""
    fields = {
        "traffic_limit_bytes": c.integer("trafficLimitBytes"),
        "traffic_limit_strategy": c.choice("trafficLimitStrategy", STRATEGIES),
        "description": c.string("description", nullable=not create),
        "tag": c.string("tag", nullable=True, pattern=TAG, length=(1, 16)),
        "telegram_id": c.integer("telegramId", nullable=True, minimum=-(2**63)),
        "email": c.email("email"),
        "hwid_device_limit": c.integer("hwidDeviceLimit", nullable=not create),
        "squads": c.uuid_list("activeInternalSquads"),
        "external_squad_uuid": c.uuid("externalSquadUuid", nullable=True),
    }
    return {name: value for name, value in fields.items() if c.has(_KEYS[name])}


def create_user(call: Call) -> Reply:
    panel = call.panel
    c = Checker(call.body)
    username = c.string(
        "username", required=True, pattern=USERNAME, length=(3, 36), message=USERNAME_MESSAGE
    )
    expire_at = c.moment("expireAt", required=True)
    given: dict[str, Any] = {
        "status": c.choice("status", STATUSES),
        "short_uuid": c.string("shortUuid"),
        "trojan_password": c.string("trojanPassword", length=(8, 32)),
        "ss_password": c.string("ssPassword", length=(8, 32)),
        "vless_uuid": c.uuid("vlessUuid"),
        "created_at": c.moment("createdAt"),
        "last_traffic_reset_at": c.moment("lastTrafficResetAt"),
    }
    if panel.dialect == 2:
        given["uuid"] = c.uuid("uuid")
    fields = _optional_fields(c, create=True)
    c.done()
    assert username is not None
    assert expire_at is not None
    if panel.user_named(username) is not None:
        raise CodedError("A019")
    if given["short_uuid"] and any(
        u.short_uuid == given["short_uuid"] for u in panel.users.values()
    ):
        raise CodedError("A020")
    if any(squad not in panel.squads for squad in fields.get("squads") or []):
        raise CodedError("A018")
    fields |= {name: value for name, value in given.items() if value is not None}
    user = panel.add_user(username, expire_at, **fields)
    panel.emit_user("user.created", user)
    return Reply(201, user_json(panel, user))


def _identity(call: Call, c: Checker) -> dict[str, object]:
    """The lookup keys of a PATCH: `id` (3.x) or `uuid` (2.x) wins over `username`."""
    key = "uuid" if call.panel.dialect == 2 else "id"
    ref = c.uuid(key) if key == "uuid" else c.integer(key, minimum=1)
    username = c.string("username")
    if ref is None and username is None and not c.has(key) and not c.has("username"):
        c.fail([], f"At least one of username, {key} must be provided")
    return {key: ref} if ref is not None else {"username": username}


def update_user(call: Call) -> Reply:
    panel = call.panel
    c = Checker(call.body)
    status = c.choice("status", ("ACTIVE", "DISABLED"))
    expire_at = c.moment("expireAt")
    if expire_at is not None and expire_at <= panel.now():
        c.fail(["expireAt"], "Expiration date cannot be in the past")
    fields = _optional_fields(c, create=False)
    identity = _identity(call, c)
    c.done()
    user = user_where(call, "A025", **identity)
    if any(squad not in panel.squads for squad in fields.get("squads") or []):
        raise CodedError("A039")
    old_status, old_limit, old_expire = user.status, user.traffic_limit_bytes, user.expire_at
    for name, value in fields.items():
        setattr(user, name, value)
    if "traffic_limit_bytes" in fields:
        user.last_triggered_threshold = 0
    if expire_at is not None:
        user.expire_at = truncate_ms(expire_at)
    limit_sent = "traffic_limit_bytes" in fields
    user.status = _next_status(user, status, old_status, old_limit if limit_sent else None)
    if old_status == "EXPIRED" and status is None and user.expire_at != old_expire:
        user.status = "ACTIVE"
    panel.touch(user)
    panel.emit_user("user.modified", user)
    return Reply(200, user_json(panel, user))


def _next_status(user: FakeUser, wanted: str | None, old: str, old_limit: int | None) -> str:
    """Spec §5.3 rules 1-4 (rule 5, expired and re-dated, is applied by the caller)."""
    if wanted == "ACTIVE" and old != "ACTIVE":
        return "ACTIVE"
    if wanted == "DISABLED" and old == "ACTIVE":
        return "DISABLED"
    new_limit = user.traffic_limit_bytes
    if old == "LIMITED" and old_limit is not None and (new_limit > old_limit or new_limit == 0):
        return "ACTIVE"
    return old
