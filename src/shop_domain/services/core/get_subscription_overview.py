""" "My subscription": what the customer has, with live usage from the panel when asked:
traffic and status from the panel user, and how many devices are connected (both asked at
once). A device list the panel cannot give only leaves the device count out."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime

from shop_domain.errors import VpnPanelError
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import PanelUser, VpnPanel

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SubscriptionOverview:
    customer: Customer | None
    subscription: Subscription | None
    now: datetime
    panel_user: PanelUser | None = None
    panel_reachable: bool = True
    connected_devices: int | None = None  # None: not asked, or the panel could not say

    @property
    def is_active(self) -> bool:
        return self.subscription is not None and self.subscription.is_active_at(self.now)

    @property
    def days_left(self) -> int:
        return 0 if self.subscription is None else self.subscription.days_left(self.now)

    @property
    def used_traffic_bytes(self) -> int | None:
        return None if self.panel_user is None else self.panel_user.used_traffic_bytes

    @property
    def subscription_url(self) -> str | None:
        if self.panel_user is not None:
            return self.panel_user.subscription_url
        return None if self.subscription is None else self.subscription.subscription_url


class GetSubscriptionOverview:
    def __init__(self, uow_factory: UnitOfWorkFactory, panel: VpnPanel, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._panel = panel
        self._clock = clock

    async def execute(
        self, customer_id: CustomerId, *, with_usage: bool = True
    ) -> SubscriptionOverview:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
            subscription = await uow.subscriptions.get_by_customer(customer_id)
        overview = SubscriptionOverview(customer, subscription, self._clock.now())
        if not with_usage or subscription is None or subscription.panel_user_ref is None:
            return overview
        ref = subscription.panel_user_ref
        panel_user, devices = await asyncio.gather(
            self._panel.get_user(ref), self._panel.list_devices(ref), return_exceptions=True
        )
        if isinstance(panel_user, VpnPanelError):
            logger.warning("panel_usage_unavailable", extra={"error_code": panel_user.code})
            return SubscriptionOverview(customer, subscription, overview.now, None, False)
        if isinstance(panel_user, BaseException):
            raise panel_user
        if isinstance(devices, VpnPanelError):
            logger.warning("panel_devices_unavailable", extra={"error_code": devices.code})
        elif isinstance(devices, BaseException):
            raise devices
        count = None if isinstance(devices, BaseException) else len(devices)
        return SubscriptionOverview(customer, subscription, overview.now, panel_user, True, count)
