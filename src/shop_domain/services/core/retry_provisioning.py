"""The outbox poller: run every provisioning job that is due (the background job calls it)."""

from __future__ import annotations

from dataclasses import dataclass

from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.core.provision_subscription import ProvisionSubscription


@dataclass(frozen=True, slots=True)
class RetryProvisioningResult:
    attempted: int
    succeeded: int


class RetryProvisioning:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, clock: Clock, provision: ProvisionSubscription
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._provision = provision

    async def execute(self, batch_size: int = 100) -> RetryProvisioningResult:
        async with self._uow_factory() as uow:
            due = await uow.outbox.due(self._clock.now(), batch_size)
        succeeded = 0
        for job in due:
            outcome = await self._provision.execute(job.id)
            succeeded += outcome.succeeded
        return RetryProvisioningResult(attempted=len(due), succeeded=succeeded)
