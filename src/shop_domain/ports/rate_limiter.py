from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    retry_after_seconds: float = 0.0
    first_rejection: bool = False  # True once per ban, so the user is told only once


class RateLimiter(Protocol):
    """A sliding window per key with a temporary ban after the window overflows."""

    async def hit(self, key: str) -> RateDecision: ...
