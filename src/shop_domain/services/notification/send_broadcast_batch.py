"""SendBroadcastBatch: one worker's turn at a broadcast (the `send_broadcast` job).

One worker at a time holds a broadcast (a lease that expires if the worker dies) and sends up
to `max_messages` through a few concurrent lanes; the global send rate is the sender's job.
Each recipient is claimed (PENDING -> SENDING) in its own committed transaction before the
send and settled right after, so a crash loses at most the messages in flight, which are
never sent twice. The job queues its own next turn while recipients remain, and tells the
admin how far it got (`BroadcastProgressed`: one message the notifier edits in place).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace
from datetime import timedelta

from shop_domain.events import BroadcastFinished, BroadcastProgressed
from shop_domain.model.broadcasts import (
    Broadcast,
    BroadcastId,
    BroadcastStatus,
    DeliveryCounts,
    DeliveryStatus,
)
from shop_domain.ports.broadcast_sender import BroadcastSender
from shop_domain.ports.clock import Clock
from shop_domain.ports.job_queue import JobQueue
from shop_domain.ports.locks import DistributedLock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.notification.start_broadcast import enqueue_broadcast

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BroadcastTuning:
    lanes: int = 4  # concurrent sends per worker
    lease_seconds: float = 120.0  # a dead worker's broadcast is taken over after this


@dataclass(frozen=True, slots=True)
class BatchResult:
    sent: int = 0
    blocked: int = 0
    failed: int = 0
    busy: bool = False  # another worker holds the broadcast
    finished: bool = False


@dataclass
class _Turn:
    budget: int
    outcomes: dict[DeliveryStatus, int]

    def take(self) -> bool:
        if self.budget <= 0:
            return False
        self.budget -= 1
        return True


class SendBroadcastBatch:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        sender: BroadcastSender,
        notifier: Notifier,
        locks: DistributedLock,
        job_queue: JobQueue,
        *,
        tuning: BroadcastTuning | None = None,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._sender = sender
        self._notifier = notifier
        self._locks = locks
        self._job_queue = job_queue
        self._tuning = tuning or BroadcastTuning()

    async def execute(self, broadcast_id: BroadcastId, max_messages: int) -> BatchResult:
        lease = await self._locks.acquire(f"broadcast:{broadcast_id}", self._tuning.lease_seconds)
        if lease is None:
            return BatchResult(busy=True)
        try:
            async with self._uow_factory() as uow:
                broadcast = await uow.broadcasts.get(broadcast_id)
            if broadcast is None or broadcast.status is not BroadcastStatus.SENDING:
                return BatchResult(finished=True)
            turn = _Turn(max_messages, {})
            async with asyncio.TaskGroup() as lanes:  # one lane failing stops the others
                for _ in range(self._tuning.lanes):
                    lanes.create_task(self._lane(broadcast, turn))
            counts = await self._settle(broadcast)
        finally:
            await lease.release()
        if counts.pending:
            await enqueue_broadcast(self._job_queue, broadcast_id)
            await self._notifier.notify(
                BroadcastProgressed(
                    admin_id=broadcast.created_by,
                    broadcast_id=broadcast.id,
                    total=broadcast.total,
                    done=counts.done,
                    sent=counts.sent,
                    blocked=counts.blocked,
                    failed=counts.failed,
                )
            )
        return BatchResult(
            sent=turn.outcomes.get(DeliveryStatus.SENT, 0),
            blocked=turn.outcomes.get(DeliveryStatus.BLOCKED, 0),
            failed=turn.outcomes.get(DeliveryStatus.FAILED, 0),
            finished=not counts.unfinished,
        )

    async def _lane(self, broadcast: Broadcast, turn: _Turn) -> None:
        while turn.take():
            async with self._uow_factory() as uow:
                customer_id = await uow.broadcasts.claim_next(broadcast.id, self._clock.now())
                await uow.commit()
            if customer_id is None:
                turn.budget = 0
                return
            status = await self._sender.send(customer_id, broadcast.content)
            async with self._uow_factory() as uow:
                now = self._clock.now()
                await uow.broadcasts.record_delivery(broadcast.id, customer_id, status, now)
                if status is DeliveryStatus.BLOCKED:
                    customer = await uow.customers.get(customer_id)
                    if customer is not None and not customer.blocked_bot:
                        await uow.customers.update(replace(customer, blocked_bot=True))
                await uow.commit()
            turn.outcomes[status] = turn.outcomes.get(status, 0) + 1

    async def _settle(self, broadcast: Broadcast) -> DeliveryCounts:
        now = self._clock.now()
        cutoff = now - timedelta(seconds=self._tuning.lease_seconds)
        async with self._uow_factory() as uow:
            stale = await uow.broadcasts.settle_stale(broadcast.id, cutoff)
            counts = await uow.broadcasts.counts(broadcast.id)
            current = await uow.broadcasts.get(broadcast.id)
            done = current is not None and current.status is BroadcastStatus.SENDING
            if done and not counts.unfinished and current is not None:
                await uow.broadcasts.update(current.complete(now))
            await uow.commit()
        if stale:
            logger.warning(
                "broadcast_sends_unconfirmed", extra={"broadcast_id": broadcast.id, "count": stale}
            )
        if done and not counts.unfinished:
            logger.info("broadcast_completed", extra={"broadcast_id": broadcast.id})
            await self._notifier.notify(
                BroadcastFinished(
                    admin_id=broadcast.created_by,
                    broadcast_id=broadcast.id,
                    cancelled=False,
                    total=broadcast.total,
                    sent=counts.sent,
                    blocked=counts.blocked,
                    failed=counts.failed,
                    unconfirmed=counts.unconfirmed,
                )
            )
        return counts
