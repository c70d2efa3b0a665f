"""CancelBroadcast: a draft is dropped, a running broadcast stops before its next message."""

from __future__ import annotations

import logging

from shop_domain.errors import BroadcastNotFoundError
from shop_domain.events import BroadcastFinished
from shop_domain.model.broadcasts import Broadcast, BroadcastId, BroadcastStatus
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWorkFactory

logger = logging.getLogger(__name__)


class CancelBroadcast:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, notifier: Notifier) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._notifier = notifier

    async def execute(self, broadcast_id: BroadcastId) -> Broadcast:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            broadcast = await uow.broadcasts.get(broadcast_id)
            if broadcast is None:
                raise BroadcastNotFoundError(broadcast_id)
            was_sending = broadcast.status is BroadcastStatus.SENDING
            cancelled = broadcast.cancel(now)
            await uow.broadcasts.update(cancelled)
            await uow.broadcasts.skip_pending(broadcast_id, now)
            counts = await uow.broadcasts.counts(broadcast_id)
            await uow.commit()
        logger.info("broadcast_cancelled", extra={"broadcast_id": broadcast_id})
        if was_sending:
            await self._notifier.notify(
                BroadcastFinished(
                    admin_id=cancelled.created_by,
                    broadcast_id=broadcast_id,
                    cancelled=True,
                    total=cancelled.total,
                    sent=counts.sent,
                    blocked=counts.blocked,
                    failed=counts.failed,
                    unconfirmed=counts.unconfirmed,
                )
            )
        return cancelled
