"""MemoryBroadcastRepository: the same audience rule and delivery queue as the SQL one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from shop_domain.errors import ConcurrentUpdateError
from shop_domain.model.broadcasts import (
    Audience,
    AudienceKind,
    Broadcast,
    BroadcastId,
    BroadcastStatus,
    DeliveryCounts,
    DeliveryStatus,
)
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from tests.fakes.memory_store.store import DeliveryRecord, MemoryState


def _matches(
    audience: Audience, customer: Customer, subscription: Subscription | None, now: datetime
) -> bool:
    if customer.is_banned or customer.blocked_bot:
        return False
    active = (
        subscription is not None
        and subscription.status is SubscriptionStatus.ACTIVE
        and subscription.expires_at > now
    )
    rules = {
        AudienceKind.EVERYONE: True,
        AudienceKind.ACTIVE: active,
        AudienceKind.EXPIRED: subscription is not None
        and (subscription.expires_at <= now or subscription.status is SubscriptionStatus.EXPIRED),
        AudienceKind.TRIAL: active and subscription is not None and subscription.is_trial,
        AudienceKind.NEVER_PAID: not customer.has_paid,
        AudienceKind.LANGUAGE: customer.language == audience.language,
    }
    return rules[audience.kind]


class MemoryBroadcastRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def add(self, broadcast: Broadcast) -> None:
        if broadcast.id in self._state.broadcasts:
            raise ConcurrentUpdateError(broadcast.id)
        self._state.broadcasts[broadcast.id] = broadcast

    async def get(self, broadcast_id: BroadcastId) -> Broadcast | None:
        return self._state.broadcasts.get(broadcast_id)

    async def update(self, broadcast: Broadcast) -> None:
        if broadcast.id in self._state.broadcasts:
            self._state.broadcasts[broadcast.id] = broadcast

    async def sending(self, limit: int) -> Sequence[Broadcast]:
        found = [b for b in self._state.broadcasts.values() if b.status is BroadcastStatus.SENDING]
        return sorted(found, key=lambda b: b.created_at)[:limit]

    def _recipients(self, audience: Audience, now: datetime) -> list[CustomerId]:
        by_customer = {s.customer_id: s for s in self._state.subscriptions.values()}
        return [
            c.id
            for c in self._state.customers.values()
            if _matches(audience, c, by_customer.get(c.id), now)
        ]

    async def count_audience(self, audience: Audience, now: datetime) -> int:
        return len(self._recipients(audience, now))

    async def add_recipients(
        self, broadcast_id: BroadcastId, audience: Audience, now: datetime
    ) -> int:
        for customer_id in self._recipients(audience, now):
            key = (broadcast_id, customer_id)
            if key in self._state.deliveries:
                raise ConcurrentUpdateError(broadcast_id)
            self._state.deliveries[key] = DeliveryRecord(DeliveryStatus.PENDING, now)
        return sum(1 for b, _ in self._state.deliveries if b == broadcast_id)

    def _of(self, broadcast_id: BroadcastId, status: DeliveryStatus) -> list[CustomerId]:
        return sorted(
            c
            for (b, c), record in self._state.deliveries.items()
            if b == broadcast_id and record.status is status
        )

    async def claim_next(self, broadcast_id: BroadcastId, now: datetime) -> CustomerId | None:
        pending = self._of(broadcast_id, DeliveryStatus.PENDING)
        if not pending:
            return None
        self._state.deliveries[(broadcast_id, pending[0])] = DeliveryRecord(
            DeliveryStatus.SENDING, now
        )
        return pending[0]

    async def record_delivery(
        self,
        broadcast_id: BroadcastId,
        customer_id: CustomerId,
        status: DeliveryStatus,
        now: datetime,
    ) -> None:
        if (broadcast_id, customer_id) in self._state.deliveries:
            self._state.deliveries[(broadcast_id, customer_id)] = DeliveryRecord(status, now)

    async def settle_stale(self, broadcast_id: BroadcastId, cutoff: datetime) -> int:
        stale = [
            c
            for c in self._of(broadcast_id, DeliveryStatus.SENDING)
            if self._state.deliveries[(broadcast_id, c)].updated_at < cutoff
        ]
        for customer_id in stale:
            record = self._state.deliveries[(broadcast_id, customer_id)]
            self._state.deliveries[(broadcast_id, customer_id)] = DeliveryRecord(
                DeliveryStatus.UNCONFIRMED, record.updated_at
            )
        return len(stale)

    async def skip_pending(self, broadcast_id: BroadcastId, now: datetime) -> int:
        pending = self._of(broadcast_id, DeliveryStatus.PENDING)
        for customer_id in pending:
            self._state.deliveries[(broadcast_id, customer_id)] = DeliveryRecord(
                DeliveryStatus.SKIPPED, now
            )
        return len(pending)

    async def counts(self, broadcast_id: BroadcastId) -> DeliveryCounts:
        counts: dict[DeliveryStatus, int] = {}
        for (b, _), record in self._state.deliveries.items():
            if b == broadcast_id:
                counts[record.status] = counts.get(record.status, 0) + 1
        return DeliveryCounts.of(counts)
