"""React to a verified panel webhook exactly once.

Webhooks arrive at least once and in any order, so each is deduplicated in the inbox and
state events are not applied from their payload: the panel user is read back and the
subscription's status is synced from what the panel says now. A newer state therefore
always wins, whatever order the events came in. The inbox row is written in the same
transaction as the effect (reminders carry their own once-only key), so an event that failed
half-way is not mistaken for a duplicate when the panel retries it.
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


_REMINDING = frozenset({PanelEventKind.EXPIRATION_WARNING, PanelEventKind.EXPIRED})


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
            subscription = await _subscription_of(uow, event.user)
        if subscription is None:
            if not await self._record(event, body, EventOutcome.IGNORED):
                return PanelEventOutcome.DUPLICATE
            known = event.user is None or event.kind is PanelEventKind.OTHER
            return PanelEventOutcome.IGNORED if known else PanelEventOutcome.UNKNOWN_USER
        logger.info(
            "panel_event", extra={"event": event.name, "customer_id": subscription.customer_id}
        )
        hours = event.hours_relative if event.kind in _REMINDING else None
        reminded = hours is not None
        if hours is not None:  # deduplicated under its own key: a re-delivery sends nothing
            await self._reminders.send_once(subscription, hours)
        if event.kind in _SYNCED and event.user is not None:
            return await self._sync(subscription, event, event.user, body)
        outcome = EventOutcome.RECEIVED if reminded else EventOutcome.IGNORED
        if not await self._record(event, body, outcome):
            return PanelEventOutcome.DUPLICATE
        return PanelEventOutcome.APPLIED if reminded else PanelEventOutcome.IGNORED

    async def _record(self, event: PanelEvent, body: bytes, outcome: EventOutcome) -> bool:
        async with self._uow_factory() as uow:
            if not await uow.provider_events.record(self._stored(event, body, outcome)):
                return False
            await uow.commit()
        return True

    def _stored(self, event: PanelEvent, body: bytes, outcome: EventOutcome) -> ProviderEvent:
        return ProviderEvent(PANEL_SOURCE, event.dedupe_key, self._clock.now(), body, True, outcome)

    async def _sync(
        self, known: Subscription, event: PanelEvent, reported: PanelUser, body: bytes
    ) -> PanelEventOutcome:
        """Status and link from the panel's current view; the inbox row is written in the same
        transaction, so a failure leaves the event unrecorded and the panel's retry redoes it."""
        try:
            current = await self._panel.get_user(reported.ref)
        except VpnPanelError:
            current = reported  # the panel is unreachable: the signed payload is our best view
        now = self._clock.now()
        async with self._uow_factory() as uow:
            outcome = EventOutcome.RECEIVED if current is not None else EventOutcome.IGNORED
            if not await uow.provider_events.record(self._stored(event, body, outcome)):
                return PanelEventOutcome.DUPLICATE
            subscription = await uow.subscriptions.lock_by_customer(known.customer_id)
            if current is None or subscription is None:  # deleted on the panel meanwhile
                await uow.commit()
                return PanelEventOutcome.IGNORED
            status = current.status.subscription_status
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
        limited_now = synced.status is SubscriptionStatus.LIMITED
        if limited_now and subscription.status is not SubscriptionStatus.LIMITED:
            await self._notifier.notify(TrafficLimitReached(known.customer_id))
        return PanelEventOutcome.APPLIED


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
