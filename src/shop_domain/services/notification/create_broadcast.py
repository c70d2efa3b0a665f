"""CreateBroadcast: store an admin's composed broadcast as a draft and count who would get it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from shop_domain.model.broadcasts import (
    Audience,
    Broadcast,
    BroadcastContent,
    BroadcastId,
)
from shop_domain.model.ids import CustomerId
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.ids import new_id

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CreateBroadcastRequest:
    admin_id: CustomerId
    content: BroadcastContent
    audience: Audience


@dataclass(frozen=True, slots=True)
class BroadcastPreview:
    broadcast: Broadcast
    recipients: int  # as of now; confirming counts again


class CreateBroadcast:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    async def execute(self, request: CreateBroadcastRequest) -> BroadcastPreview:
        now = self._clock.now()
        draft = Broadcast(
            id=BroadcastId(new_id()),
            created_by=request.admin_id,
            created_at=now,
            content=request.content,
            audience=request.audience,
        )
        async with self._uow_factory() as uow:
            await uow.broadcasts.add(draft)
            recipients = await uow.broadcasts.count_audience(request.audience, now)
            await uow.commit()
        logger.info(
            "broadcast_drafted",
            extra={"broadcast_id": draft.id, "audience": draft.audience.kind.value},
        )
        return BroadcastPreview(draft, recipients)
