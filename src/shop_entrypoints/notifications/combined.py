"""Several EventMessages as one: each renders its share of an event (the customer's chat,
the admin log chat, ...) and the notifier delivers them all, in order."""

from __future__ import annotations

from collections.abc import Sequence

from shop_adapters.telegram.outgoing import EventMessages, OutgoingMessage
from shop_domain.events import ShopEvent


class CombinedEventMessages:
    def __init__(self, *renderers: EventMessages) -> None:
        self._renderers = renderers

    async def render(self, event: ShopEvent) -> Sequence[OutgoingMessage]:
        messages: list[OutgoingMessage] = []
        for renderer in self._renderers:
            messages.extend(await renderer.render(event))
        return messages
