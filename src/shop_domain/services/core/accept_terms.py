"""The customer accepts the terms of service (when the operator requires it)."""

from __future__ import annotations

import logging

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory

logger = logging.getLogger(__name__)


class AcceptTerms:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    async def execute(self, customer_id: CustomerId) -> Customer:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
            if customer is None:
                raise CustomerNotFoundError(str(customer_id))
            if customer.accepted_terms:
                return customer  # a double tap
            accepted = customer.accept_terms(self._clock.now())
            await uow.customers.update(accepted)
            await uow.commit()
        logger.info("terms_accepted", extra={"customer_id": customer_id})
        return accepted
