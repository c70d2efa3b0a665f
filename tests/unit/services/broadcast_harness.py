"""The broadcast use cases over the in-memory store, with a scripted BroadcastSender."""

from __future__ import annotations

from dataclasses import dataclass, field

from shop_domain.model.broadcasts import (
    Audience,
    AudienceKind,
    BroadcastContent,
    BroadcastId,
    DeliveryStatus,
)
from shop_domain.model.ids import CustomerId
from shop_domain.services.notification.cancel_broadcast import CancelBroadcast
from shop_domain.services.notification.create_broadcast import (
    BroadcastPreview,
    CreateBroadcast,
    CreateBroadcastRequest,
)
from shop_domain.services.notification.get_broadcast_progress import GetBroadcastProgress
from shop_domain.services.notification.resume_broadcasts import ResumeBroadcasts
from shop_domain.services.notification.send_broadcast_batch import (
    BroadcastTuning,
    SendBroadcastBatch,
)
from shop_domain.services.notification.start_broadcast import StartBroadcast
from tests.unit.services.shop_harness import Shop

ADMIN = CustomerId(7)


@dataclass
class FakeBroadcastSender:
    """Records every send; `outcomes` scripts a chat's answer (SENT by default)."""

    sent: list[CustomerId] = field(default_factory=list)
    outcomes: dict[CustomerId, DeliveryStatus] = field(default_factory=dict)

    async def send(self, chat_id: CustomerId, content: BroadcastContent) -> DeliveryStatus:
        self.sent.append(chat_id)
        return self.outcomes.get(chat_id, DeliveryStatus.SENT)


class BroadcastShop(Shop):
    def __post_init__(self) -> None:
        super().__post_init__()
        self.sender = FakeBroadcastSender()
        self.create = CreateBroadcast(self.uow, self.clock)
        self.start = StartBroadcast(self.uow, self.clock, self.job_queue)
        self.cancel = CancelBroadcast(self.uow, self.clock, self.notifier)
        self.progress = GetBroadcastProgress(self.uow)
        self.resume = ResumeBroadcasts(self.uow, self.job_queue)
        self.send_batch = SendBroadcastBatch(
            self.uow,
            self.clock,
            self.sender,
            self.notifier,
            self.locks,
            self.job_queue,
            tuning=BroadcastTuning(lanes=3, lease_seconds=60),
        )

    async def draft(
        self, audience: Audience | None = None, text: str = "Hello <b>all</b>"
    ) -> BroadcastPreview:
        request = CreateBroadcastRequest(
            ADMIN, BroadcastContent(text), audience or Audience(AudienceKind.EVERYONE)
        )
        return await self.create.execute(request)

    async def started(self, customers: int) -> BroadcastId:
        for n in range(1, customers + 1):
            await self.add_customer(100 + n)
        preview = await self.draft()
        await self.start.execute(preview.broadcast.id)
        return preview.broadcast.id
