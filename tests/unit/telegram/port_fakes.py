"""Fakes of the RateLimiter and Cache ports for the bot tests."""

from __future__ import annotations

from collections import Counter

from shop_domain.ports.rate_limiter import RateDecision


class FakeRateLimiter:
    """`limit` hits per key, then a ban; the first rejected hit of a ban says so."""

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self.hits: Counter[str] = Counter()
        self._banned: set[str] = set()

    async def hit(self, key: str) -> RateDecision:
        self.hits[key] += 1
        if self.hits[key] <= self.limit:
            return RateDecision(allowed=True)
        first = key not in self._banned
        self._banned.add(key)
        return RateDecision(allowed=False, retry_after_seconds=60, first_rejection=first)

    def lift_ban(self, key: str) -> None:
        self._banned.discard(key)
        self.hits[key] = 0


class FakeCache:
    def __init__(self) -> None:
        self.values: dict[str, bytes] = {}
        self.ttls: dict[str, int] = {}

    async def get(self, key: str) -> bytes | None:
        return self.values.get(key)

    async def set(self, key: str, value: bytes, ttl_seconds: int) -> None:
        self.values[key] = value
        self.ttls[key] = ttl_seconds

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self.values.pop(key, None)

    def expire_all(self) -> None:
        """What the TTL does once it runs out."""
        self.values.clear()
