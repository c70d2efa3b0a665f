"""The customer picks the language the bot speaks to them in."""

from __future__ import annotations

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId
from shop_domain.ports.unit_of_work import UnitOfWorkFactory


class ChangeLanguage:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def execute(self, customer_id: CustomerId, language: Language) -> Customer:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
            if customer is None:
                raise CustomerNotFoundError(str(customer_id))
            if customer.language is language:
                return customer
            changed = customer.with_language(language)
            await uow.customers.update(changed)
            await uow.commit()
        return changed
