"""StartBroadcast (the admin confirmed): fix the recipient list and hand it to the workers.

The recipients are written in the same transaction that marks the broadcast SENDING; if the
job cannot be queued, the periodic resume job starts it instead.
"""

from __future__ import annotations

import logging

from shop_domain.errors import BroadcastNotFoundError, ShopError
from shop_domain.model.broadcasts import Broadcast, BroadcastId
from shop_domain.ports.clock import Clock
from shop_domain.ports.job_queue import JobQueue
from shop_domain.ports.unit_of_work import UnitOfWorkFactory

logger = logging.getLogger(__name__)

SEND_BROADCAST_JOB = "send_broadcast"


class StartBroadcast:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, job_queue: JobQueue) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._job_queue = job_queue

    async def execute(self, broadcast_id: BroadcastId) -> Broadcast:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            draft = await uow.broadcasts.get(broadcast_id)
            if draft is None:
                raise BroadcastNotFoundError(broadcast_id)
            draft.start(0, now)  # refuses a broadcast that was started or cancelled
            total = await uow.broadcasts.add_recipients(broadcast_id, draft.audience, now)
            started = draft.start(total, now)
            await uow.broadcasts.update(started)
            await uow.commit()
        logger.info("broadcast_started", extra={"broadcast_id": broadcast_id, "total": total})
        await enqueue_broadcast(self._job_queue, broadcast_id)
        return started


async def enqueue_broadcast(job_queue: JobQueue, broadcast_id: BroadcastId) -> None:
    try:
        await job_queue.enqueue(SEND_BROADCAST_JOB, {"broadcast_id": broadcast_id})
    except ShopError:
        logger.warning("broadcast_enqueue_failed", extra={"broadcast_id": broadcast_id})
