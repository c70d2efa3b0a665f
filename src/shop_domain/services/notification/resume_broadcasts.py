"""ResumeBroadcasts (periodic): queue a turn for every broadcast still sending.

A worker that died mid-broadcast leaves it SENDING; its lease expires and the next turn
queued here picks it up. A turn that finds the broadcast held by a live worker returns at once.
"""

from __future__ import annotations

from shop_domain.ports.job_queue import JobQueue
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.notification.start_broadcast import enqueue_broadcast


class ResumeBroadcasts:
    def __init__(self, uow_factory: UnitOfWorkFactory, job_queue: JobQueue) -> None:
        self._uow_factory = uow_factory
        self._job_queue = job_queue

    async def execute(self, limit: int = 50) -> int:
        async with self._uow_factory() as uow:
            sending = await uow.broadcasts.sending(limit)
        for broadcast in sending:
            await enqueue_broadcast(self._job_queue, broadcast.id)
        return len(sending)
