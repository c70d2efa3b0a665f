"""React to a verified panel webhook exactly once.

Webhooks arrive at least once and in any order, so each is deduplicated in the inbox and
state events are not applied from their payload: the panel user is read back and the
subscription's status is synced from what the panel says now. A newer state therefore
always wins, whatever order the events came in.
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime

from shop_domain.errors import VpnPanelError
from shop_domain.events import TrafficLimitReached
from shop_domain.model.ids import CustomerId
from shop_domain.model.provider_events import EventOutcome, ProviderEvent
from shop_domain.model.provisioning import ProvisioningReason
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from shop_domain.ports.vpn_panel import (
    PanelEvent,
    PanelEventKind,
    PanelUser,
    PanelUserStatus,
    VpnPanel,
)
from shop_domain.services.core.grant_days import enqueue_provisioning
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from shop_domain.services.notification.expiry_reminders import ExpiryReminders

logger = logging.getLogger(__name__)

PANEL_SOURCE = "remnawave"

_SYNCED = frozenset(
    {
        PanelEventKind.EXPIRED,
        PanelEventKind.LIMITED,
        PanelEventKind.ENABLED,
        PanelEventKind.DISABLED,
        PanelEventKind.REVOKED,
        PanelEventKind.MODIFIED,
        PanelEventKind.TRAFFIC_RESET,
    }
)


class PanelEventOutcome(enum.StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    UNKNOWN_USER = "unknown_user"  # not one of our customers' panel users
    IGNORED = "ignored"


class HandlePanelEvent:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        panel: VpnPanel,
        clock: Clock,
        notifier: Notifier,
        reminders: ExpiryReminders,
        provisioning: ProvisioningQueue,
    ) -> None:
        self._uow_factory = uow_factory
        self._panel = panel
        self._clock = clock
        self._notifier = notifier
        self._reminders = reminders
        self._provisioning = provisioning

    async def execute(self, event: PanelEvent, body: bytes) -> PanelEventOutcome:
        async with self._uow_factory() as uow:
            stored = ProviderEvent(PANEL_SOURCE, event.dedupe_key, self._clock.now(), body, True)
            if not await uow.provider_events.record(stored):
                return PanelEventOutcome.DUPLICATE
            subscription = await _subscription_of(uow, event.user)
            outcome = EventOutcome.IGNORED if subscription is None else EventOutcome.RECEIVED
            await uow.provider_events.set_outcome(PANEL_SOURCE, event.dedupe_key, outcome, None)
            await uow.commit()
        if subscription is None:
            known = event.user is None or event.kind is PanelEventKind.OTHER
            return PanelEventOutcome.IGNORED if known else PanelEventOutcome.UNKNOWN_USER
        logger.info(
            "panel_event", extra={"event": event.name, "customer_id": subscription.customer_id}
        )
        if event.kind is PanelEventKind.EXPIRATION_WARNING and event.hours_relative is not None:
            await self._reminders.send_once(subscription, event.hours_relative)
            return PanelEventOutcome.APPLIED
        if event.kind is PanelEventKind.EXPIRED and event.hours_relative:
            await self._reminders.send_once(subscription, event.hours_relative)
        if event.kind in _SYNCED and event.user is not None:
            await self._sync(subscription, event.user)
            return PanelEventOutcome.APPLIED
        return PanelEventOutcome.IGNORED

    async def _sync(self, known: Subscription, reported: PanelUser) -> None:
        try:
            current = await self._panel.get_user(reported.ref)
        except VpnPanelError:
            current = reported  # the panel is unreachable: the signed payload is our best view
        if current is None:
            return
        status = current.status.subscription_status
        now = self._clock.now()
        async with self._uow_factory() as uow:
            subscription = await uow.subscriptions.lock_by_customer(known.customer_id)
            if subscription is None:  # pragma: no cover - subscriptions are never deleted
                return
            drifted = _lost_paid_access(subscription, current, now)
            synced = subscription.linked_to_panel(current.ref, current.subscription_url)
            if not drifted:
                synced = synced.with_status(status)
            job_id = None
            if drifted:
                job_id = await enqueue_provisioning(uow, synced, ProvisioningReason.OPERATOR, now)
            if synced != subscription:
                await uow.subscriptions.update(synced)
            await uow.commit()
        if job_id is not None:
            logger.warning("panel_state_drift", extra={"customer_id": known.customer_id})
            await self._provisioning.submit(job_id)
        if status is SubscriptionStatus.LIMITED and known.status is not SubscriptionStatus.LIMITED:
            await self._notifier.notify(TrafficLimitReached(known.customer_id))


def _lost_paid_access(subscription: Subscription, user: PanelUser, now: datetime) -> bool:
    """The panel cut access our records say was paid for (e.g. expired too early)."""
    return (
        subscription.status is SubscriptionStatus.ACTIVE
        and subscription.expires_at > now
        and user.status is PanelUserStatus.EXPIRED
    )


async def _subscription_of(uow: UnitOfWork, user: PanelUser | None) -> Subscription | None:
    """Our subscription behind a panel user, matched by Telegram id and panel reference."""
    if user is None or user.telegram_id is None:
        return None
    subscription = await uow.subscriptions.get_by_customer(CustomerId(user.telegram_id))
    if subscription is None:
        return None
    if subscription.panel_user_ref is not None and subscription.panel_user_ref != user.ref:
        return None
    return subscription
