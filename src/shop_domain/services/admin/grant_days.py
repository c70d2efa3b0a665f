"""An operator adds days to a customer's access (compensation, a gift)."""

from __future__ import annotations

import logging
from datetime import datetime

from shop_domain.errors import CustomerNotFoundError, InvalidPlanError
from shop_domain.model.ids import CustomerId
from shop_domain.model.provisioning import ProvisioningReason
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.core.grant_days import grant_bonus_days
from shop_domain.services.core.provisioning_queue import ProvisioningQueue

logger = logging.getLogger(__name__)

MAX_GRANT_DAYS = 3650


class GrantDays:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        policy: ShopPolicy,
        provisioning: ProvisioningQueue,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._policy = policy
        self._provisioning = provisioning

    async def execute(self, customer_id: CustomerId, days: int) -> datetime:
        """Return the new expiry."""
        if not 0 < days <= MAX_GRANT_DAYS:
            raise InvalidPlanError(f"days must be between 1 and {MAX_GRANT_DAYS}")
        async with self._uow_factory() as uow:
            if await uow.customers.get(customer_id) is None:
                raise CustomerNotFoundError(str(customer_id))
            subscription, job_id = await grant_bonus_days(
                uow,
                customer_id=customer_id,
                days=days,
                now=self._clock.now(),
                limits=self._policy.bonus_limits,
                reason=ProvisioningReason.OPERATOR,
            )
            await uow.commit()
        logger.info("operator_granted_days", extra={"customer_id": customer_id, "days": days})
        await self._provisioning.submit(job_id)
        return subscription.expires_at
