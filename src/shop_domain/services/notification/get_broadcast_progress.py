"""GetBroadcastProgress: what the admin's progress screen shows."""

from __future__ import annotations

from dataclasses import dataclass

from shop_domain.errors import BroadcastNotFoundError
from shop_domain.model.broadcasts import Broadcast, BroadcastId, DeliveryCounts
from shop_domain.ports.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class BroadcastProgress:
    broadcast: Broadcast
    counts: DeliveryCounts


class GetBroadcastProgress:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def execute(self, broadcast_id: BroadcastId) -> BroadcastProgress:
        async with self._uow_factory() as uow:
            broadcast = await uow.broadcasts.get(broadcast_id)
            if broadcast is None:
                raise BroadcastNotFoundError(broadcast_id)
            counts = await uow.broadcasts.counts(broadcast_id)
        return BroadcastProgress(broadcast, counts)
