"""An operator writes to a customer through the bot."""

from __future__ import annotations

from shop_domain.errors import CustomerNotFoundError, EmptyMessageError
from shop_domain.events import OperatorMessageSent
from shop_domain.model.ids import CustomerId
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWorkFactory

MAX_MESSAGE_LENGTH = 3500


class MessageCustomer:
    def __init__(self, uow_factory: UnitOfWorkFactory, notifier: Notifier) -> None:
        self._uow_factory = uow_factory
        self._notifier = notifier

    async def execute(self, customer_id: CustomerId, text: str) -> None:
        body = text.strip()
        if not body or len(body) > MAX_MESSAGE_LENGTH:
            raise EmptyMessageError(f"a message is 1-{MAX_MESSAGE_LENGTH} characters")
        async with self._uow_factory() as uow:
            if await uow.customers.get(customer_id) is None:
                raise CustomerNotFoundError(str(customer_id))
        await self._notifier.notify(OperatorMessageSent(customer_id, body))
