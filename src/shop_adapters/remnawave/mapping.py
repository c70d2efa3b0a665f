"""Panel payloads -> domain objects, and `DesiredAccess` -> request bodies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from shop_adapters.remnawave.dialect import PanelDialect
from shop_adapters.remnawave.schemas import DevicePayload, UserPayload
from shop_domain.errors import VpnPanelError
from shop_domain.model.plans import AccessLimits, TrafficResetStrategy
from shop_domain.ports.vpn_panel import DesiredAccess, HwidDevice, PanelUser, PanelUserStatus

Now = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_panel_user(payload: UserPayload, dialect: PanelDialect) -> PanelUser:
    try:
        return _to_panel_user(payload, dialect)
    except ValueError as exc:  # an enum value or limit this shop does not know
        msg = f"unreadable panel user {payload.username!r}: {exc}"
        raise VpnPanelError(msg) from exc


def _to_panel_user(payload: UserPayload, dialect: PanelDialect) -> PanelUser:
    traffic = payload.user_traffic
    used = traffic.used_traffic_bytes if traffic is not None else payload.used_traffic_bytes
    return PanelUser(
        ref=dialect.ref_of(payload),
        username=payload.username,
        short_uuid=payload.short_uuid,
        status=PanelUserStatus(payload.status),
        expires_at=payload.expire_at,
        subscription_url=payload.subscription_url,
        limits=AccessLimits(
            traffic_limit_bytes=payload.traffic_limit_bytes,
            traffic_reset=TrafficResetStrategy(payload.traffic_limit_strategy),
            device_limit=payload.hwid_device_limit,
            internal_squads=tuple(squad.uuid for squad in payload.active_internal_squads),
            external_squad=payload.external_squad_uuid,
        ),
        used_traffic_bytes=used or 0,
        telegram_id=payload.telegram_id,
        online_at=traffic.online_at if traffic is not None else None,
        first_connected_at=traffic.first_connected_at if traffic is not None else None,
    )


def to_device(payload: DevicePayload) -> HwidDevice:
    return HwidDevice(
        hwid=payload.hwid,
        platform=payload.platform,
        os_version=payload.os_version,
        device_model=payload.device_model,
        created_at=payload.created_at,
    )


def iso(moment: datetime) -> str:
    """The panel's own format: UTC, milliseconds, `Z`."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _limits(limits: AccessLimits) -> dict[str, Any]:
    return {
        "trafficLimitBytes": limits.traffic_limit_bytes,
        "trafficLimitStrategy": limits.traffic_reset.value,
        "activeInternalSquads": list(limits.internal_squads),
        "externalSquadUuid": limits.external_squad,
    }


def create_body(username: str, access: DesiredAccess) -> dict[str, Any]:
    """POST /api/users. `hwidDeviceLimit` and `description` must be omitted, not null."""
    body: dict[str, Any] = {
        "username": username,
        "expireAt": iso(access.expires_at),  # a past expiry is accepted on create
        "status": "ACTIVE" if access.enabled else "DISABLED",
        "telegramId": access.telegram_id,
        **_limits(access.limits),
    }
    if access.limits.device_limit is not None:
        body["hwidDeviceLimit"] = access.limits.device_limit
    if access.description is not None:
        body["description"] = access.description
    return body


def update_body(identity: dict[str, Any], access: DesiredAccess, now: datetime) -> dict[str, Any]:
    """PATCH /api/users with absolute values: writing it twice changes nothing.

    The panel refuses a past `expireAt` on update, so an access that has already run out is
    written as "disabled, expiry untouched"; a later renewal sends ACTIVE and the new expiry.
    """
    running = access.expires_at > now
    body: dict[str, Any] = {
        **identity,
        "status": "ACTIVE" if access.enabled and running else "DISABLED",
        "telegramId": access.telegram_id,
        "hwidDeviceLimit": access.limits.device_limit,
        **_limits(access.limits),
    }
    if running:
        body["expireAt"] = iso(access.expires_at)
    if access.description is not None:
        body["description"] = access.description
    return body
