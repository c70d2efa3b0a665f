from __future__ import annotations

from types import TracebackType
from typing import Self

from tests.fakes.memory_store.broadcasts import MemoryBroadcastRepository
from tests.fakes.memory_store.customers import (
    MemoryCampaignRepository,
    MemoryCustomerRepository,
    MemoryPlanRepository,
)
from tests.fakes.memory_store.payments import (
    MemoryOrderRepository,
    MemoryPaymentRepository,
    MemoryProviderEventRepository,
)
from tests.fakes.memory_store.promotions import (
    MemoryPromoCodeRepository,
    MemoryReferralRewardRepository,
)
from tests.fakes.memory_store.store import MemoryState, MemoryStore
from tests.fakes.memory_store.subscriptions import (
    MemoryProvisioningOutbox,
    MemorySubscriptionRepository,
)


class MemoryUnitOfWork:
    """A transaction over a MemoryStore: changes are applied to a copy and published on
    commit; units of work run one at a time (the store's lock), like serialised writers."""

    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self.committed = False
        self._bind(store.state)

    def _bind(self, state: MemoryState) -> None:
        self._working = state
        self.customers = MemoryCustomerRepository(state)
        self.plans = MemoryPlanRepository(state)
        self.campaigns = MemoryCampaignRepository(state)
        self.subscriptions = MemorySubscriptionRepository(state)
        self.outbox = MemoryProvisioningOutbox(state)
        self.orders = MemoryOrderRepository(state)
        self.payments = MemoryPaymentRepository(state)
        self.provider_events = MemoryProviderEventRepository(state)
        self.promo_codes = MemoryPromoCodeRepository(state)
        self.referral_rewards = MemoryReferralRewardRepository(state)
        self.broadcasts = MemoryBroadcastRepository(state)

    async def __aenter__(self) -> Self:
        await self._store.lock.acquire()
        self.committed = False
        self._bind(self._store.state.snapshot())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._bind(self._store.state)
        self._store.lock.release()

    async def commit(self) -> None:
        self._store.state = self._working
        self._store.commits += 1
        self.committed = True
        self._bind(self._working.snapshot())

    async def rollback(self) -> None:
        self._bind(self._store.state.snapshot())


def memory_uow_factory(store: MemoryStore) -> MemoryUnitOfWork:
    return MemoryUnitOfWork(store)
