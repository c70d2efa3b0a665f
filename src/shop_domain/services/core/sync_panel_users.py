"""`shop panel sync`: link the panel's existing users to our customers by Telegram id.

The panel is read page by page (keyset pagination on 3.x); each page costs two reads and at
most two batched writes, so 5,000 users at 500 a page take at most 10 x 4 database round
trips. Nothing is created on the panel and no customer is invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId, SubscriptionId
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import PanelUser, VpnPanel
from shop_domain.services.ids import new_id


@dataclass
class PanelSyncReport:
    scanned: int = 0
    linked: int = 0  # an existing subscription now points at its panel user
    imported: int = 0  # a customer without a subscription got one mirroring the panel
    already_linked: int = 0
    without_telegram_id: int = 0
    unknown_customer: int = 0  # a Telegram id the shop has never seen
    inconsistent: list[str] = field(default_factory=list)
    pages: int = 0


class SyncPanelUsers:
    def __init__(self, uow_factory: UnitOfWorkFactory, panel: VpnPanel) -> None:
        self._uow_factory = uow_factory
        self._panel = panel

    async def execute(self, page_size: int = 500) -> PanelSyncReport:
        report = PanelSyncReport()
        seen: dict[int, PanelUser] = {}
        async for page in self._panel.iter_users(page_size):
            report.pages += 1
            report.scanned += len(page)
            await self._sync_page(page, seen, report)
        return report

    async def _sync_page(
        self, page: list[PanelUser], seen: dict[int, PanelUser], report: PanelSyncReport
    ) -> None:
        candidates: list[PanelUser] = []
        for user in page:
            if user.telegram_id is None:
                report.without_telegram_id += 1
            elif user.telegram_id in seen:
                report.inconsistent.append(
                    f"telegram id {user.telegram_id} owns panel users "
                    f"{seen[user.telegram_id].ref} and {user.ref}"
                )
            else:
                seen[user.telegram_id] = user
                candidates.append(user)
        if not candidates:
            return
        ids = [CustomerId(u.telegram_id) for u in candidates if u.telegram_id is not None]
        async with self._uow_factory() as uow:
            customers = await uow.customers.get_many(ids)
            subscriptions = await uow.subscriptions.get_many_by_customers(ids)
            to_add, to_update = _plan_changes(candidates, customers, subscriptions, report)
            if to_add:
                await uow.subscriptions.add_many(to_add)
            if to_update:
                await uow.subscriptions.update_many(to_update)
            await uow.commit()


def _plan_changes(
    users: list[PanelUser],
    customers: Mapping[CustomerId, Customer],
    subscriptions: Mapping[CustomerId, Subscription],
    report: PanelSyncReport,
) -> tuple[list[Subscription], list[Subscription]]:
    to_add: list[Subscription] = []
    to_update: list[Subscription] = []
    for user in users:
        customer_id = CustomerId(user.telegram_id or 0)
        subscription = subscriptions.get(customer_id)
        if customer_id not in customers:
            report.unknown_customer += 1
        elif subscription is None:
            to_add.append(_mirror(customer_id, user))
            report.imported += 1
        elif subscription.panel_user_ref is None:
            to_update.append(subscription.linked_to_panel(user.ref, user.subscription_url))
            report.linked += 1
        elif subscription.panel_user_ref == user.ref:
            report.already_linked += 1
        else:
            report.inconsistent.append(
                f"customer {customer_id} is linked to panel user {subscription.panel_user_ref}, "
                f"not {user.ref}"
            )
    return to_add, to_update


def _mirror(customer_id: CustomerId, user: PanelUser) -> Subscription:
    """A subscription that reflects what the panel already grants this customer."""
    return Subscription(
        id=SubscriptionId(new_id()),
        customer_id=customer_id,
        expires_at=user.expires_at,
        limits=user.limits,
        status=user.status.subscription_status,
        panel_user_ref=user.ref,
        subscription_url=user.subscription_url,
        version=1,
    )
