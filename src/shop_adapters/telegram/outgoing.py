"""What the notifier sends, and the interface that renders domain events into it.

Rendering (texts in the customer's language, the admin log chat) belongs to the bot's entry
point; this adapter only delivers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from shop_domain.events import ShopEvent


@dataclass(frozen=True, slots=True)
class Button:
    text: str
    url: str | None = None
    callback_data: str | None = None


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    chat_id: int
    text: str  # HTML
    thread_id: int | None = None  # a forum topic of the admin log chat
    buttons: tuple[tuple[Button, ...], ...] = ()
    is_customer: bool = True  # a customer's chat (blocked bots are recorded) or the admins'
    # A live message (broadcast progress): the first delivery under a key sends it, later
    # ones edit that message in place instead of adding another.
    live_key: str | None = None


class EventMessages(Protocol):
    async def render(self, event: ShopEvent) -> Sequence[OutgoingMessage]: ...
