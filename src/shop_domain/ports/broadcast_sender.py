from __future__ import annotations

from typing import Protocol

from shop_domain.model.broadcasts import BroadcastContent, DeliveryStatus
from shop_domain.model.ids import CustomerId


class BroadcastSender(Protocol):
    """Delivers one broadcast message to one customer's chat.

    It keeps to the global send rate and waits out every 429 `retry_after` before trying again
    (a rate limit never drops a message). It answers SENT, BLOCKED (the customer blocked the
    bot or deleted the chat) or FAILED (Telegram refused it for good), and never raises.
    """

    async def send(self, chat_id: CustomerId, content: BroadcastContent) -> DeliveryStatus: ...
