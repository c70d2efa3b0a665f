from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from shop_domain.errors import ConcurrentUpdateError
from shop_domain.model.ids import CustomerId, SubscriptionId
from shop_domain.model.provisioning import ProvisioningJob
from shop_domain.model.subscriptions import Subscription
from tests.fakes.memory_store.store import MemoryState


class MemorySubscriptionRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def get(self, subscription_id: SubscriptionId) -> Subscription | None:
        return self._state.subscriptions.get(subscription_id)

    async def get_by_customer(self, customer_id: CustomerId) -> Subscription | None:
        return next(
            (s for s in self._state.subscriptions.values() if s.customer_id == customer_id), None
        )

    async def get_many_by_customers(
        self, ids: Sequence[CustomerId]
    ) -> Mapping[CustomerId, Subscription]:
        wanted = set(ids)
        return {
            s.customer_id: s for s in self._state.subscriptions.values() if s.customer_id in wanted
        }

    async def add_many(self, subscriptions: Sequence[Subscription]) -> None:
        for subscription in subscriptions:
            await self.add(subscription)

    async def update_many(self, subscriptions: Sequence[Subscription]) -> None:
        for subscription in subscriptions:
            await self.update(subscription)

    async def lock_by_customer(self, customer_id: CustomerId) -> Subscription | None:
        # Units of work are serialised by the store's lock: reading is locking.
        return await self.get_by_customer(customer_id)

    async def add(self, subscription: Subscription) -> None:
        if await self.get_by_customer(subscription.customer_id) is not None:
            raise ConcurrentUpdateError(f"customer {subscription.customer_id} has a subscription")
        self._state.subscriptions[subscription.id] = subscription

    async def update(self, subscription: Subscription) -> None:
        self._state.subscriptions[subscription.id] = subscription

    async def count_active(self, now: datetime, *, trial: bool) -> int:
        return sum(
            1
            for s in self._state.subscriptions.values()
            if s.is_active_at(now) and s.is_trial is trial
        )

    async def expiring_between(
        self, start: datetime, end: datetime, limit: int
    ) -> Sequence[Subscription]:
        found = [s for s in self._state.subscriptions.values() if start <= s.expires_at < end]
        return sorted(found, key=lambda s: s.expires_at)[:limit]


class MemoryProvisioningOutbox:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def add(self, job: ProvisioningJob) -> None:
        self._state.outbox[job.id] = job

    async def get(self, job_id: str) -> ProvisioningJob | None:
        return self._state.outbox.get(job_id)

    async def due(self, now: datetime, limit: int) -> Sequence[ProvisioningJob]:
        due = [j for j in self._state.outbox.values() if not j.is_done and j.next_attempt_at <= now]
        return sorted(due, key=lambda j: (j.next_attempt_at, j.created_at))[:limit]

    async def update(self, job: ProvisioningJob) -> None:
        self._state.outbox[job.id] = job
