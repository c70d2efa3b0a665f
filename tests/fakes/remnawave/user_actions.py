"""`POST /users/{id}/actions/*` and `DELETE /users/{id}` (spec §5.4, §5.5)."""

from __future__ import annotations

from datetime import timedelta

from tests.fakes.remnawave.lookup import user_by_key
from tests.fakes.remnawave.problems import CodedError
from tests.fakes.remnawave.records import random_token
from tests.fakes.remnawave.routing import Call, Reply
from tests.fakes.remnawave.serialise import user_json
from tests.fakes.remnawave.validation import Checker


def enable_user(call: Call) -> Reply:
    return _switch(call, "ACTIVE", already="A030", event="user.enabled")


def disable_user(call: Call) -> Reply:
    return _switch(call, "DISABLED", already="A029", event="user.disabled")


def _switch(call: Call, status: str, *, already: str, event: str) -> Reply:
    """Set `status`; the panel refuses a user already in it with the coded error `already`."""
    user = user_by_key(call)
    if user.status == status:
        raise CodedError(already)
    user.status = status
    call.panel.touch(user)
    call.panel.emit_user(event, user)
    return Reply(200, user_json(call.panel, user))


def revoke_user(call: Call) -> Reply:
    panel = call.panel
    c = Checker(call.body, allow_missing_body=True)
    only_passwords = c.boolean("revokeOnlyPasswords") or False
    bounds = (6, 48) if panel.dialect == 2 else (16, 64)
    wanted = c.string("shortUuid", length=bounds)
    c.done()
    user = user_by_key(call)
    if wanted is not None and any(
        u.short_uuid == wanted and u.id != user.id for u in panel.users.values()
    ):
        raise CodedError("A027")
    user.regenerate_credentials()
    if not only_passwords:
        user.short_uuid = wanted or random_token(panel.short_uuid_length)
    user.sub_revoked_at = panel.now()
    panel.touch(user)
    panel.emit_user("user.revoked", user)
    return Reply(200, user_json(panel, user))


def reset_traffic(call: Call) -> Reply:
    panel = call.panel
    user = user_by_key(call)
    was_limited = user.status == "LIMITED"
    user.used_bytes = 0
    user.last_traffic_reset_at = panel.now()
    user.last_triggered_threshold = 0
    if was_limited:
        user.status = "ACTIVE"
    panel.touch(user)
    if was_limited:
        panel.emit_user("user.enabled", user)
    panel.emit_user("user.traffic_reset", user)
    return Reply(200, user_json(panel, user))


def extend_user(call: Call) -> Reply:
    panel = call.panel
    c = Checker(call.body)
    days = c.integer("days", required=True, minimum=1)
    c.done()
    assert days is not None
    user = user_by_key(call)
    user.expire_at = max(user.expire_at, panel.now()) + timedelta(days=days)
    if user.status == "EXPIRED":
        user.status = "ACTIVE"
    panel.touch(user)
    panel.emit_user("user.modified", user)
    return Reply(200, user_json(panel, user))


def delete_user(call: Call) -> Reply:
    panel = call.panel
    user = user_by_key(call)
    panel.emit_user("user.deleted", user)
    panel.remove_user(user)
    if panel.dialect == 2:
        return Reply(200, {"isDeleted": True})
    return Reply(204, empty=True)
