"""Ban or unban a customer: the bot stops serving them and their panel user is disabled
(or enabled again); the panel push goes through the outbox like every other change."""

from __future__ import annotations

import logging

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId
from shop_domain.model.provisioning import ProvisioningReason
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.core.grant_days import enqueue_provisioning
from shop_domain.services.core.provisioning_queue import ProvisioningQueue

logger = logging.getLogger(__name__)


class SetCustomerBan:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Clock, provisioning: ProvisioningQueue
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._provisioning = provisioning

    async def execute(self, customer_id: CustomerId, *, banned: bool) -> Customer:
        now = self._clock.now()
        job_id = None
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
            if customer is None:
                raise CustomerNotFoundError(str(customer_id))
            updated = customer.ban() if banned else customer.unban()
            await uow.customers.update(updated)
            subscription = await uow.subscriptions.lock_by_customer(customer_id)
            if subscription is not None:
                changed = subscription.disable() if banned else subscription.enable(now)
                await uow.subscriptions.update(changed)
                job_id = await enqueue_provisioning(uow, changed, ProvisioningReason.OPERATOR, now)
            await uow.commit()
        logger.info("customer_ban_changed", extra={"customer_id": customer_id, "banned": banned})
        if job_id is not None:
            await self._provisioning.submit(job_id)
        return updated
