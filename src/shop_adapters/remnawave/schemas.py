"""Private pydantic models of the panel's payloads: only the fields the shop reads.

Tolerant on purpose: unknown keys are ignored and version-specific keys are optional, so an
additive panel release does not break parsing. 3.x users carry `id`; 2.x users carry `uuid`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shop_domain.errors import VpnPanelError

ModelT = TypeVar("ModelT", bound=BaseModel)


class _Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class SquadRefPayload(_Payload):
    uuid: str
    name: str = ""


class UserTrafficPayload(_Payload):
    used_traffic_bytes: int = Field(0, alias="usedTrafficBytes")
    online_at: datetime | None = Field(None, alias="onlineAt")
    first_connected_at: datetime | None = Field(None, alias="firstConnectedAt")


class UserPayload(_Payload):
    id: int | None = None
    uuid: str | None = None
    username: str
    short_uuid: str = Field(alias="shortUuid")
    status: str
    expire_at: datetime = Field(alias="expireAt")
    traffic_limit_bytes: int = Field(0, alias="trafficLimitBytes")
    traffic_limit_strategy: str = Field("NO_RESET", alias="trafficLimitStrategy")
    telegram_id: int | None = Field(None, alias="telegramId")
    hwid_device_limit: int | None = Field(None, alias="hwidDeviceLimit")
    external_squad_uuid: str | None = Field(None, alias="externalSquadUuid")
    subscription_url: str = Field(alias="subscriptionUrl")
    active_internal_squads: list[SquadRefPayload] = Field(
        default_factory=list, alias="activeInternalSquads"
    )
    user_traffic: UserTrafficPayload | None = Field(None, alias="userTraffic")
    used_traffic_bytes: int | None = Field(None, alias="usedTrafficBytes")  # 2.0-2.2 top level


class StreamPagePayload(_Payload):
    users: list[UserPayload]
    next_cursor: str | None = Field(None, alias="nextCursor")
    has_more: bool = Field(False, alias="hasMore")


class OffsetPagePayload(_Payload):
    users: list[UserPayload]
    total: int


class DevicePayload(_Payload):
    hwid: str
    platform: str | None = None
    os_version: str | None = Field(None, alias="osVersion")
    device_model: str | None = Field(None, alias="deviceModel")
    created_at: datetime = Field(alias="createdAt")


class DevicesPayload(_Payload):
    total: int = 0
    devices: list[DevicePayload]


class SquadInfoPayload(_Payload):
    members_count: int = Field(0, alias="membersCount")


class SquadPayload(_Payload):
    uuid: str
    name: str
    info: SquadInfoPayload = Field(default_factory=SquadInfoPayload)


class SquadsPayload(_Payload):
    internal_squads: list[SquadPayload] = Field(alias="internalSquads")


class MetadataPayload(_Payload):
    version: str


class UserCountsPayload(_Payload):
    status_counts: dict[str, int] = Field(default_factory=dict, alias="statusCounts")
    total_users: int = Field(0, alias="totalUsers")


class OnlineStatsPayload(_Payload):
    online_now: int = Field(0, alias="onlineNow")


class NodesStatsPayload(_Payload):
    total_online: int = Field(0, alias="totalOnline")


class StatsPayload(_Payload):
    users: UserCountsPayload
    online_stats: OnlineStatsPayload = Field(
        default_factory=OnlineStatsPayload, alias="onlineStats"
    )
    nodes: NodesStatsPayload = Field(default_factory=NodesStatsPayload)


class SubscriptionUserPayload(_Payload):
    days_left: int = Field(alias="daysLeft")
    traffic_used_bytes: int = Field(alias="trafficUsedBytes")  # sent as a decimal string
    traffic_limit_bytes: int = Field(alias="trafficLimitBytes")
    expires_at: datetime = Field(alias="expiresAt")
    is_active: bool = Field(alias="isActive")
    user_status: str = Field(alias="userStatus")


class SubscriptionInfoPayload(_Payload):
    is_found: bool = Field(alias="isFound")
    user: SubscriptionUserPayload
    links: list[str] = Field(default_factory=list)
    subscription_url: str = Field(alias="subscriptionUrl")


def parse(model: type[ModelT], payload: Any, operation: str) -> ModelT:
    """Validate a payload; a shape we cannot read is a panel error, never a crash."""
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:5])
        msg = f"{operation}: unexpected panel response (fields: {fields})"
        raise VpnPanelError(msg) from exc
