"""SendExpiryReminders (periodic): every reminder whose moment has come, once each.

An offset is signed hours relative to expiry (-72 = three days before, 24 = a day after). A
reminder is due once `now >= expires_at + offset`; one whose moment passed longer ago than
`catch_up` (the shop was down) is skipped rather than sent late. `ExpiryReminders.send_once`
records each (subscription, expiry, offset) first, so two schedulers, a retried job and the
panel's own expiry webhooks can never send the same reminder twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.notification.expiry_reminders import ExpiryReminders

_REMINDABLE = frozenset({SubscriptionStatus.ACTIVE, SubscriptionStatus.EXPIRED})


@dataclass(frozen=True, slots=True)
class ReminderSchedule:
    offsets_hours: Sequence[int] = (-72, -24, 0, 24)
    catch_up: timedelta = timedelta(hours=12)
    batch_size: int = 500


class SendExpiryReminders:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        reminders: ExpiryReminders,
        schedule: ReminderSchedule | None = None,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._reminders = reminders
        self._schedule = schedule or ReminderSchedule()

    async def execute(self) -> int:
        """The number of reminders this run sent."""
        now = self._clock.now()
        offsets = sorted(self._schedule.offsets_hours)
        if not offsets:
            return 0
        start = now - timedelta(hours=offsets[-1]) - self._schedule.catch_up
        end = now - timedelta(hours=offsets[0])
        sent, limit = 0, self._schedule.batch_size
        while True:  # keyset pages on expires_at; a page of one instant grows until it fits
            async with self._uow_factory() as uow:
                page = await uow.subscriptions.expiring_between(start, end, limit)
            for subscription in page:
                offset = self._due_offset(subscription, offsets, now)
                if offset is not None:
                    sent += await self._reminders.send_once(subscription, offset)
            if len(page) < limit:
                return sent
            if page[-1].expires_at == page[0].expires_at:
                limit *= 2
            start = page[-1].expires_at

    def _due_offset(
        self, subscription: Subscription, offsets: Sequence[int], now: datetime
    ) -> int | None:
        """The latest offset whose moment has come (within catch-up); only that one is sent,
        so a renewal bought late never triggers "3 days left" and "1 day left" together."""
        if subscription.status not in _REMINDABLE:
            return None
        due = [
            offset
            for offset in offsets
            if timedelta(0)
            <= now - (subscription.expires_at + timedelta(hours=offset))
            <= self._schedule.catch_up
        ]
        if not due or (due[-1] < 0 and subscription.expires_at <= now):
            return None  # "ends soon" for access that already ended is noise
        return due[-1]
