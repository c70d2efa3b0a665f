"""The admin statistics screen: customers, active subscriptions, revenue, panel health."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from shop_domain.errors import VpnPanelError
from shop_domain.model.money import Money
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import PanelStats, VpnPanel


@dataclass(frozen=True, slots=True)
class ShopStatistics:
    at: datetime
    customers: int
    new_customers_today: int
    active_subscriptions: int
    active_trials: int
    revenue_today: tuple[Money, ...]  # one entry per currency
    revenue_7_days: tuple[Money, ...]
    revenue_30_days: tuple[Money, ...]
    panel: PanelStats | None  # None when the panel did not answer


class GetShopStatistics:
    def __init__(self, uow_factory: UnitOfWorkFactory, panel: VpnPanel, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._panel = panel
        self._clock = clock

    async def execute(self) -> ShopStatistics:
        now = self._clock.now()
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        async with self._uow_factory() as uow:
            customers = await uow.customers.count_created_since(None)
            new_today = await uow.customers.count_created_since(midnight)
            active = await uow.subscriptions.count_active(now, trial=False)
            trials = await uow.subscriptions.count_active(now, trial=True)
            today = await uow.payments.revenue_since(midnight)
            week = await uow.payments.revenue_since(now - timedelta(days=7))
            month = await uow.payments.revenue_since(now - timedelta(days=30))
        try:
            panel: PanelStats | None = await self._panel.stats()
        except VpnPanelError:
            panel = None
        return ShopStatistics(
            now,
            customers,
            new_today,
            active,
            trials,
            tuple(today),
            tuple(week),
            tuple(month),
            panel,
        )
