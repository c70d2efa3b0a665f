"""Every duration of one plan priced for one customer, in each currency the plan takes.

Prices come from QuoteOrder, so a reserved promo discount shows before checkout, and the
client never supplies a price.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from shop_domain.errors import PlanNotAvailableError
from shop_domain.model.ids import CustomerId, PlanId
from shop_domain.model.orders import Quote
from shop_domain.model.plans import Plan
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.billing.quote_order import QuoteOrder, QuoteOrderRequest


def ordered_currencies(policy: ShopPolicy, currencies: Iterable[str]) -> list[str]:
    """The operator's preferred currencies first, then the rest alphabetically."""
    available = set(currencies)
    preferred = [c for c in policy.currencies if c in available]
    return preferred + sorted(available - set(preferred))


@dataclass(frozen=True, slots=True)
class DurationQuotes:
    days: int
    quotes: tuple[Quote, ...]  # one per currency, preferred first


@dataclass(frozen=True, slots=True)
class PlanPrices:
    plan: Plan
    durations: tuple[DurationQuotes, ...]


class PricePlan:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, quote_order: QuoteOrder, policy: ShopPolicy
    ) -> None:
        self._uow_factory = uow_factory
        self._quote_order = quote_order
        self._policy = policy

    async def execute(self, customer_id: CustomerId, plan_id: PlanId) -> PlanPrices:
        """Raise PlanNotAvailableError for an unknown plan or one hidden from this customer."""
        async with self._uow_factory() as uow:
            plan = await uow.plans.get(plan_id)
            if plan is None:
                raise PlanNotAvailableError(str(plan_id))
            durations: list[DurationQuotes] = []
            for option in plan.durations:
                quotes = [
                    await self._quote_order.quote_in(
                        uow, QuoteOrderRequest(customer_id, plan_id, option.days, currency)
                    )
                    for currency in ordered_currencies(self._policy, option.prices)
                ]
                durations.append(DurationQuotes(option.days, tuple(quotes)))
        return PlanPrices(plan, tuple(durations))
