from __future__ import annotations

from typing import Protocol

from shop_domain.events import ShopEvent


class Notifier(Protocol):
    """Tells customers and the operators' log chat about a domain event.

    The adapter decides who hears of which event and renders it in the customer's language.
    A notification is best effort: failures are logged by the adapter, never raised.
    """

    async def notify(self, event: ShopEvent) -> None: ...
