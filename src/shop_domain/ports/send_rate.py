from __future__ import annotations

from typing import Protocol


class SendRateLimiter(Protocol):
    """One message budget for the whole bot, shared by every worker (Telegram counts per bot)."""

    async def acquire(self) -> None:
        """Wait until this caller may send one message."""
        ...

    async def pause(self, seconds: float) -> None:
        """Telegram answered 429 `retry_after`: nobody sends until it has passed."""
        ...
