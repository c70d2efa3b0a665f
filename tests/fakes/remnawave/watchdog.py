"""What the panel's scheduler does on each run: expire, limit, warn about expiry (spec §8)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.fakes.remnawave.panel import FakePanel
    from tests.fakes.remnawave.records import FakeUser

# Before 2.8 the expiry warnings were separate events without meta.
_OLD_EXPIRY_EVENTS = {
    -72: "user.expires_in_72_hours",
    -48: "user.expires_in_48_hours",
    -24: "user.expires_in_24_hours",
    24: "user.expired_24_hours_ago",
}


def tick(panel: FakePanel) -> None:
    now = panel.now()
    for user in panel.users.values():
        if user.status in ("ACTIVE", "LIMITED") and user.expire_at < now:
            user.status = "EXPIRED"
            panel.touch(user)
            panel.emit_user("user.expired", user)
    for user in panel.users.values():
        if user.status == "ACTIVE" and 0 < user.traffic_limit_bytes <= user.used_bytes:
            user.status = "LIMITED"
            panel.touch(user)
            panel.emit_user("user.limited", user)
    for hours in panel.expiration_offsets_hours:
        start = (now - timedelta(hours=hours)).replace(second=0, microsecond=0)
        due = [
            u for u in panel.users.values() if start <= u.expire_at < start + timedelta(minutes=1)
        ]
        for user in due:
            _warn(panel, hours, user)


def _warn(panel: FakePanel, hours: int, user: FakeUser) -> None:
    if panel.has_expiration_event:
        panel.emit_user("user.expiration", user, {"expiration": hours})
    elif hours in _OLD_EXPIRY_EVENTS:
        panel.emit_user(_OLD_EXPIRY_EVENTS[hours], user)
