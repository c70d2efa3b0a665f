"""Let a customer take the trial again (an operator's goodwill)."""

from __future__ import annotations

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.ids import CustomerId
from shop_domain.ports.unit_of_work import UnitOfWorkFactory


class ResetTrial:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def execute(self, customer_id: CustomerId) -> None:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
            if customer is None:
                raise CustomerNotFoundError(str(customer_id))
            await uow.customers.update(customer.reset_trial())
            await uow.commit()
