"""The customer's connected devices (HWID): list them, or disconnect one and list the rest.

Callback buttons carry a short token of the hardware id, never the id itself; a token is
looked up among this customer's own devices only, so it cannot reach anyone else's.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from shop_domain.errors import SubscriptionNotFoundError
from shop_domain.model.ids import CustomerId
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import HwidDevice, VpnPanel

logger = logging.getLogger(__name__)

TOKEN_LENGTH = 16


def device_token(hwid: str) -> str:
    return hashlib.sha256(hwid.encode()).hexdigest()[:TOKEN_LENGTH]


@dataclass(frozen=True, slots=True)
class ManageDevicesRequest:
    customer_id: CustomerId
    disconnect_token: str | None = None


@dataclass(frozen=True, slots=True)
class DeviceList:
    devices: tuple[HwidDevice, ...]
    device_limit: int | None  # None = the panel's default; 0 = unlimited
    disconnected: HwidDevice | None = None


class ManageDevices:
    def __init__(self, uow_factory: UnitOfWorkFactory, panel: VpnPanel) -> None:
        self._uow_factory = uow_factory
        self._panel = panel

    async def execute(self, request: ManageDevicesRequest) -> DeviceList:
        async with self._uow_factory() as uow:
            subscription = await uow.subscriptions.get_by_customer(request.customer_id)
        if subscription is None or subscription.panel_user_ref is None:
            raise SubscriptionNotFoundError(str(request.customer_id))
        ref = subscription.panel_user_ref
        devices = tuple(await self._panel.list_devices(ref))
        limit = subscription.limits.device_limit
        if request.disconnect_token is None:
            return DeviceList(devices, limit)
        target = next(
            (d for d in devices if device_token(d.hwid) == request.disconnect_token), None
        )
        if target is None:  # already gone, or a stale button
            return DeviceList(devices, limit)
        await self._panel.delete_device(ref, target.hwid)
        logger.info("device_disconnected", extra={"subscription_id": subscription.id})
        remaining = tuple(d for d in devices if d.hwid != target.hwid)
        return DeviceList(remaining, limit, disconnected=target)
