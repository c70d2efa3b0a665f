"""SyncSubscriptionStates (periodic): find subscriptions whose panel state drifted from ours.

The panel's webhooks keep us in step, but a webhook can be lost and a push can half-fail. This
pass reads each linked subscription's panel user and applies the rule the webhooks use: the
status (limited, disabled, ...) comes from the panel, except that paid access the panel cut or
shortened is pushed again through the provisioning outbox. A panel that does not answer ends
the pass; the next one starts over.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from shop_domain.errors import VpnPanelError
from shop_domain.model.provisioning import ProvisioningReason
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import PanelUser, PanelUserStatus, VpnPanel
from shop_domain.services.core.grant_days import enqueue_provisioning
from shop_domain.services.core.provisioning_queue import ProvisioningQueue

logger = logging.getLogger(__name__)

EXPIRY_TOLERANCE = timedelta(minutes=1)
HORIZON = timedelta(days=20 * 365)


@dataclass(frozen=True, slots=True)
class StateSyncReport:
    checked: int = 0
    status_updated: int = 0
    pushed_again: int = 0
    panel_down: bool = False


def paid_access_lost(subscription: Subscription, user: PanelUser, now: datetime) -> bool:
    """Our records say access runs; the panel ended it or ends it earlier."""
    if subscription.status is not SubscriptionStatus.ACTIVE or subscription.expires_at <= now:
        return False
    expired = user.status is PanelUserStatus.EXPIRED  # a DISABLED user is an operator's choice
    return expired or user.expires_at < subscription.expires_at - EXPIRY_TOLERANCE


class SyncSubscriptionStates:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        panel: VpnPanel,
        provisioning: ProvisioningQueue,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._panel = panel
        self._provisioning = provisioning

    async def execute(
        self, lookback: timedelta = timedelta(days=1), page_size: int = 200
    ) -> StateSyncReport:
        """Every linked subscription that expires from `lookback` ago on, soonest first."""
        now = self._clock.now()
        start, limit = now - lookback, page_size
        counts, seen = {"status": 0, "push": 0, "checked": 0}, set()
        while True:  # keyset pages on expires_at; a page of one instant grows until it fits
            async with self._uow_factory() as uow:
                page = await uow.subscriptions.expiring_between(start, now + HORIZON, limit)
            for subscription in page:
                if subscription.panel_user_ref is None or subscription.id in seen:
                    continue
                seen.add(subscription.id)
                try:
                    user = await self._panel.get_user(subscription.panel_user_ref)
                except VpnPanelError:
                    logger.warning("state_sync_panel_down", extra=counts)
                    return _report(counts, panel_down=True)
                counts["checked"] += 1
                if user is not None:
                    outcome = await self._apply(subscription, user, now)
                    counts[outcome] = counts.get(outcome, 0) + 1
            if len(page) < limit:
                break
            if page[-1].expires_at == page[0].expires_at:
                limit *= 2
            start = page[-1].expires_at
        report = _report(counts)
        logger.info("subscription_states_synced", extra={"pushed_again": report.pushed_again})
        return report

    async def _apply(self, known: Subscription, user: PanelUser, now: datetime) -> str:
        job_id = None
        async with self._uow_factory() as uow:
            subscription = await uow.subscriptions.lock_by_customer(known.customer_id)
            if subscription is None or subscription.version != known.version:
                return "skipped"  # changed meanwhile: its own provisioning job handles it
            if paid_access_lost(subscription, user, now):
                job_id = await enqueue_provisioning(
                    uow, subscription, ProvisioningReason.OPERATOR, now
                )
            elif subscription.status is not user.status.subscription_status:
                await uow.subscriptions.update(
                    subscription.with_status(user.status.subscription_status)
                )
            else:
                return "same"
            await uow.commit()
        if job_id is None:
            return "status"
        logger.warning("panel_state_drift", extra={"customer_id": known.customer_id})
        await self._provisioning.submit(job_id)
        return "push"


def _report(counts: dict[str, int], *, panel_down: bool = False) -> StateSyncReport:
    return StateSyncReport(counts["checked"], counts["status"], counts["push"], panel_down)
