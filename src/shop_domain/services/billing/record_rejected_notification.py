"""Keep a notification that failed verification, for the audit trail; it changes nothing else.

Forged, malformed and unsigned requests are stored before they are refused, so an operator
can see what was thrown at the shop. The key is the body's digest: the same forged body sent a
thousand times is stored once.
"""

from __future__ import annotations

import hashlib
import logging

from shop_domain.model.provider_events import EventOutcome, ProviderEvent
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory

logger = logging.getLogger(__name__)

MAX_STORED_BODY = 64 * 1024


class RecordRejectedNotification:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    async def execute(self, source: str, body: bytes, reason: str) -> None:
        digest = hashlib.sha256(body).hexdigest()
        event = ProviderEvent(
            provider=source,
            event_id=f"rejected:{digest}",
            received_at=self._clock.now(),
            body=body[:MAX_STORED_BODY],
            verified=False,
            outcome=EventOutcome.REJECTED,
        )
        async with self._uow_factory() as uow:
            if await uow.provider_events.record(event):
                await uow.commit()
        logger.warning("notification_rejected", extra={"source": source, "reason": reason})
