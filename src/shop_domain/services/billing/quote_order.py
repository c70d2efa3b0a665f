"""Price a plan duration for a customer on the server: catalogue price minus a reserved
discount. The client never sends a price."""

from __future__ import annotations

from dataclasses import dataclass

from shop_domain.errors import CustomerNotFoundError, PlanNotAvailableError
from shop_domain.model.ids import CustomerId, PlanId
from shop_domain.model.orders import Quote, quote_for
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class QuoteOrderRequest:
    customer_id: CustomerId
    plan_id: PlanId
    days: int
    currency: str


class QuoteOrder:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    async def execute(self, request: QuoteOrderRequest) -> Quote:
        async with self._uow_factory() as uow:
            return await self.quote_in(uow, request)

    async def quote_in(self, uow: UnitOfWork, request: QuoteOrderRequest) -> Quote:
        """The same quote inside a caller's unit of work."""
        customer = await uow.customers.get(request.customer_id)
        if customer is None:
            raise CustomerNotFoundError(str(request.customer_id))
        plan = await uow.plans.get(request.plan_id)
        if plan is None or not plan.is_visible_to(has_paid_before=customer.has_paid):
            raise PlanNotAvailableError(str(request.plan_id))
        now = self._clock.now()
        best_percent, best_code = 0, None
        for activation in await uow.promo_codes.reserved_for(customer.id):
            percent = activation.discount_for(plan.id, now)
            if percent > best_percent:
                best_percent, best_code = percent, activation.promo_code_id
        return quote_for(
            plan,
            days=request.days,
            currency=request.currency,
            discount_percent=best_percent,
            promo_code_id=best_code,
        )
