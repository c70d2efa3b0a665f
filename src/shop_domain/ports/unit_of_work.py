"""One transaction across every repository."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Protocol, Self

from shop_domain.ports.repositories import (
    BroadcastRepository,
    CampaignRepository,
    CustomerRepository,
    OrderRepository,
    PaymentRepository,
    PlanRepository,
    PromoCodeRepository,
    ProviderEventRepository,
    ProvisioningOutbox,
    ReferralRewardRepository,
    SubscriptionRepository,
)


class UnitOfWork(Protocol):
    """`async with uow:` opens a transaction; leaving without `commit()` rolls it back."""

    @property
    def customers(self) -> CustomerRepository: ...

    @property
    def plans(self) -> PlanRepository: ...

    @property
    def subscriptions(self) -> SubscriptionRepository: ...

    @property
    def orders(self) -> OrderRepository: ...

    @property
    def payments(self) -> PaymentRepository: ...

    @property
    def provider_events(self) -> ProviderEventRepository: ...

    @property
    def promo_codes(self) -> PromoCodeRepository: ...

    @property
    def referral_rewards(self) -> ReferralRewardRepository: ...

    @property
    def campaigns(self) -> CampaignRepository: ...

    @property
    def outbox(self) -> ProvisioningOutbox: ...

    @property
    def broadcasts(self) -> BroadcastRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
