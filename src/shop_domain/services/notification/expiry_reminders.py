"""Expiry reminders, sent at most once per subscription, expiry and offset.

The panel's `user.expiration` webhooks and the shop's own reminder job both end here; the
inbox's unique key (provider "reminder") makes the second signal a no-op.
"""

from __future__ import annotations

import logging

from shop_domain.events import ExpiryReminderDue
from shop_domain.model.provider_events import EventOutcome, ProviderEvent
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWorkFactory

logger = logging.getLogger(__name__)

REMINDER_SOURCE = "reminder"


def reminder_key(subscription: Subscription, offset_hours: int) -> str:
    """Offsets are signed hours relative to expiry: -72 = three days before."""
    return f"{subscription.id}:{subscription.expires_at:%Y%m%dT%H%M}:{offset_hours:+d}"


class ExpiryReminders:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, notifier: Notifier) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._notifier = notifier

    async def send_once(self, subscription: Subscription, offset_hours: int) -> bool:
        """True when this call sent the reminder; False when it was sent before."""
        now = self._clock.now()
        async with self._uow_factory() as uow:
            claimed = await uow.provider_events.record(
                ProviderEvent(
                    provider=REMINDER_SOURCE,
                    event_id=reminder_key(subscription, offset_hours),
                    received_at=now,
                    body=b"",
                    verified=True,
                    outcome=EventOutcome.IGNORED,
                    payment_ref=None,
                )
            )
            if not claimed:
                return False
            await uow.commit()
        hours_left = int((subscription.expires_at - now).total_seconds() // 3600)
        await self._notifier.notify(
            ExpiryReminderDue(subscription.customer_id, subscription.expires_at, hours_left)
        )
        logger.info(
            "expiry_reminder_sent",
            extra={"subscription_id": subscription.id, "offset_hours": offset_hours},
        )
        return True
