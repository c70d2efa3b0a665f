"""Per-key sliding-window rate limits in this process (the embedded default, one instance).

Same rules as `RedisRateLimiter`, so the two can be swapped: a hit counts while it is younger
than the window, i.e. inside `(now - window, now]`. The hit that would exceed `max_requests`
starts a ban of `ban_seconds` (or, with no ban configured, until the oldest hit leaves the
window); that hit alone carries `first_rejection=True`. Rejected hits are not counted, and a
ban clears the window, so the user starts afresh when it ends.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from shop_domain.ports.rate_limiter import RateDecision


@dataclass(slots=True)
class _Bucket:
    hits: deque[float] = field(default_factory=deque)
    banned_until: float = 0.0


class InMemoryRateLimiter:
    def __init__(
        self,
        *,
        max_requests: int,
        window_seconds: float,
        ban_seconds: float,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_requests < 1 or window_seconds <= 0 or ban_seconds < 0:
            raise ValueError("need max_requests >= 1, window_seconds > 0 and ban_seconds >= 0")
        self._limit = max_requests
        self._window = window_seconds
        self._ban = ban_seconds
        self._now = monotonic
        self._buckets: dict[str, _Bucket] = {}
        self._swept_at = monotonic()

    async def hit(self, key: str) -> RateDecision:
        now = self._now()
        self._sweep(now)
        bucket = self._buckets.setdefault(key, _Bucket())
        if now < bucket.banned_until:
            return RateDecision(allowed=False, retry_after_seconds=bucket.banned_until - now)
        while bucket.hits and bucket.hits[0] <= now - self._window:
            bucket.hits.popleft()
        if len(bucket.hits) < self._limit:
            bucket.hits.append(now)
            return RateDecision(allowed=True)
        if self._ban > 0:
            bucket.banned_until = now + self._ban
            bucket.hits.clear()
        else:
            bucket.banned_until = bucket.hits[0] + self._window
        retry_after = bucket.banned_until - now
        return RateDecision(allowed=False, retry_after_seconds=retry_after, first_rejection=True)

    def _sweep(self, now: float) -> None:
        """Forget idle keys once per window, so memory follows active users only."""
        if now - self._swept_at < self._window:
            return
        self._swept_at = now
        idle = [
            key
            for key, bucket in self._buckets.items()
            if now >= bucket.banned_until
            and (not bucket.hits or bucket.hits[-1] <= now - self._window)
        ]
        for key in idle:
            del self._buckets[key]

    @property
    def tracked_keys(self) -> int:
        return len(self._buckets)


class UnlimitedRateLimiter:
    """Every hit is allowed: `SHOP_RATE_LIMIT__ENABLED=false`."""

    async def hit(self, key: str) -> RateDecision:
        return RateDecision(allowed=True)
