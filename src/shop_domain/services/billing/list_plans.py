"""The catalogue a customer sees: visible plans in the operator's order."""

from __future__ import annotations

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.ids import CustomerId
from shop_domain.model.plans import Plan
from shop_domain.ports.unit_of_work import UnitOfWorkFactory


class ListPlans:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def execute(self, customer_id: CustomerId) -> tuple[Plan, ...]:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
            if customer is None:
                raise CustomerNotFoundError(str(customer_id))
            plans = await uow.plans.list_all()
        return tuple(
            plan
            for plan in plans
            if plan.durations and plan.is_visible_to(has_paid_before=customer.has_paid)
        )
