"""What the fake panel stores: users, internal squads and HWID devices (spec §4)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime

# Alphabet A: digits, upper case without I and O, "_", lower case without i and l, "-".
ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ_abcdefghjkmnopqrstuvwxyz-"
STATUSES = ("ACTIVE", "DISABLED", "LIMITED", "EXPIRED")
STRATEGIES = ("NO_RESET", "DAY", "WEEK", "MONTH", "MONTH_ROLLING")


def random_token(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def truncate_ms(moment: datetime) -> datetime:
    """JavaScript dates keep milliseconds only."""
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


@dataclass
class FakeUser:
    id: int
    uuid: str  # only shown in the 2.x dialect
    username: str
    short_uuid: str
    status: str
    expire_at: datetime
    created_at: datetime
    updated_at: datetime
    traffic_limit_bytes: int = 0
    traffic_limit_strategy: str = "NO_RESET"
    used_bytes: int = 0
    lifetime_used_bytes: int = 0
    last_traffic_reset_at: datetime | None = None
    sub_revoked_at: datetime | None = None
    telegram_id: int | None = None
    email: str | None = None
    description: str | None = None
    tag: str | None = None
    hwid_device_limit: int | None = None
    external_squad_uuid: str | None = None
    trojan_password: str = field(default_factory=lambda: random_token(32))
    ss_password: str = field(default_factory=lambda: random_token(32))
    vless_uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    last_triggered_threshold: int = 0
    squads: list[str] = field(default_factory=list)
    online_at: datetime | None = None
    first_connected_at: datetime | None = None
    last_connected_node_uuid: str | None = None

    def regenerate_credentials(self) -> None:
        self.trojan_password = random_token(32)
        self.ss_password = random_token(32)
        self.vless_uuid = str(uuid.uuid4())


@dataclass
class FakeSquad:
    uuid: str
    name: str
    view_position: int
    created_at: datetime
    updated_at: datetime
    inbounds: list[dict[str, object]] = field(default_factory=list)


@dataclass
class FakeDevice:
    user_id: int
    hwid: str
    created_at: datetime
    updated_at: datetime
    platform: str | None = None
    os_version: str | None = None
    device_model: str | None = None
    user_agent: str | None = None
    request_ip: str | None = None
