"""Devices (HWID), internal squads, system stats and subscription info."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shop_adapters.remnawave import errors as codes
from shop_adapters.remnawave.mapping import to_device
from shop_adapters.remnawave.schemas import (
    DevicesPayload,
    SquadsPayload,
    StatsPayload,
    SubscriptionInfoPayload,
    parse,
)
from shop_adapters.remnawave.session import PanelSession
from shop_domain.errors import VpnPanelError
from shop_domain.model.ids import PanelUserRef
from shop_domain.ports.vpn_panel import HwidDevice, InternalSquad, PanelStats


@dataclass(frozen=True, slots=True)
class SubscriptionInfo:
    """The panel's own view of a subscription (`/api/subscriptions/by-id/...`)."""

    days_left: int
    is_active: bool
    status: str
    expires_at: datetime
    used_traffic_bytes: int
    traffic_limit_bytes: int
    links_count: int


class PanelInventory(PanelSession):
    async def list_devices(self, ref: PanelUserRef) -> list[HwidDevice]:
        dialect = await self._dialect()
        path = f"/hwid/devices/{dialect.key(ref)}"
        payload = await self._http.call("list_devices", "GET", path, idempotent=True)
        return [to_device(d) for d in parse(DevicesPayload, payload, "list_devices").devices]

    async def delete_device(self, ref: PanelUserRef, hwid: str) -> None:
        """A device that is already gone (A204) counts as deleted."""
        dialect = await self._dialect()
        body = {**dialect.device_owner(ref), "hwid": hwid}
        try:
            await self._http.call(
                "delete_device", "POST", "/hwid/devices/delete", idempotent=True, json=body
            )
        except VpnPanelError as error:
            if error.panel_code != codes.DEVICE_NOT_FOUND:
                raise

    async def list_internal_squads(self) -> list[InternalSquad]:
        payload = await self._http.call(
            "list_internal_squads", "GET", "/internal-squads", idempotent=True
        )
        squads = parse(SquadsPayload, payload, "list_internal_squads").internal_squads
        return [InternalSquad(s.uuid, s.name, s.info.members_count) for s in squads]

    async def stats(self) -> PanelStats:
        dialect = await self._dialect()
        payload = await self._http.call("system_stats", "GET", "/system/stats", idempotent=True)
        stats = parse(StatsPayload, payload, "system_stats")
        return PanelStats(
            version=dialect.version,
            total_users=stats.users.total_users,
            users_by_status=dict(stats.users.status_counts),
            online_now=stats.online_stats.online_now,
            nodes_online=stats.nodes.total_online,
        )

    async def subscription_info(self, ref: PanelUserRef) -> SubscriptionInfo:
        dialect = await self._dialect()
        path = dialect.subscription_path(ref)
        payload = await self._http.call("subscription_info", "GET", path, idempotent=True)
        info = parse(SubscriptionInfoPayload, payload, "subscription_info")
        return SubscriptionInfo(
            days_left=info.user.days_left,
            is_active=info.user.is_active,
            status=info.user.user_status,
            expires_at=info.user.expires_at,
            used_traffic_bytes=info.user.traffic_used_bytes,
            traffic_limit_bytes=info.user.traffic_limit_bytes,
            links_count=len(info.links),
        )
