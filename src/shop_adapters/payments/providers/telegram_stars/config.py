"""What an operator configures for Telegram Stars: nothing secret, the bot token is enough."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

MAX_PAGE_SIZE: Final = 100  # getStarTransactions' limit


@dataclass(frozen=True, slots=True)
class TelegramStarsConfig:
    """`transactions_page_size`: transactions read per `getStarTransactions` call (1..100).
    `max_pages_per_lookup`: how many pages one status lookup may read before it gives up for
    this run (the reconciler asks again next run, continuing where it stopped).
    `rescan_after_seconds`: once the end of the list was reached, lookups within this time
    answer from what was read (one call per reconciliation run, not one per pending payment).
    """

    transactions_page_size: int = MAX_PAGE_SIZE
    max_pages_per_lookup: int = 10
    rescan_after_seconds: float = 30.0

    def __post_init__(self) -> None:
        if not 1 <= self.transactions_page_size <= MAX_PAGE_SIZE:
            raise ValueError("getStarTransactions takes 1..100 transactions per page")
        if self.max_pages_per_lookup < 1:
            raise ValueError("a status lookup must read at least one page")
        if self.rescan_after_seconds < 0:
            raise ValueError("the rescan interval cannot be negative")
