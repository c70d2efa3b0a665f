"""SqlAlchemyUnitOfWork: one session, one transaction, every repository."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shop_adapters.persistence.broadcast_repositories import SqlAlchemyBroadcastRepository
from shop_adapters.persistence.customer_repositories import (
    SqlAlchemyCampaignRepository,
    SqlAlchemyCustomerRepository,
    SqlAlchemyPlanRepository,
)
from shop_adapters.persistence.payment_repositories import (
    SqlAlchemyOrderRepository,
    SqlAlchemyPaymentRepository,
    SqlAlchemyProviderEventRepository,
)
from shop_adapters.persistence.promotion_repositories import (
    SqlAlchemyPromoCodeRepository,
    SqlAlchemyReferralRewardRepository,
)
from shop_adapters.persistence.storage_errors import translated_errors
from shop_adapters.persistence.subscription_repositories import (
    SqlAlchemyProvisioningOutbox,
    SqlAlchemySubscriptionRepository,
)


class SqlAlchemyUnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None

    async def __aenter__(self) -> Self:
        session = self._sessions()
        self._session = session
        self.customers = SqlAlchemyCustomerRepository(session)
        self.plans = SqlAlchemyPlanRepository(session)
        self.campaigns = SqlAlchemyCampaignRepository(session)
        self.subscriptions = SqlAlchemySubscriptionRepository(session)
        self.outbox = SqlAlchemyProvisioningOutbox(session)
        self.orders = SqlAlchemyOrderRepository(session)
        self.payments = SqlAlchemyPaymentRepository(session)
        self.provider_events = SqlAlchemyProviderEventRepository(session)
        self.promo_codes = SqlAlchemyPromoCodeRepository(session)
        self.referral_rewards = SqlAlchemyReferralRewardRepository(session)
        self.broadcasts = SqlAlchemyBroadcastRepository(session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        with translated_errors():
            try:
                await session.rollback()
            finally:
                await session.close()

    def _current(self) -> AsyncSession:
        if self._session is None:
            msg = "the unit of work is used outside 'async with'"
            raise RuntimeError(msg)
        return self._session

    async def commit(self) -> None:
        with translated_errors():
            await self._current().commit()

    async def rollback(self) -> None:
        with translated_errors():
            await self._current().rollback()


class SqlAlchemyUnitOfWorkFactory:
    """Callable returning a fresh unit of work; the use cases' `uow_factory`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    def __call__(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self._sessions)
