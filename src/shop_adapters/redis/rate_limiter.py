"""Per-key sliding-window rate limits shared by every instance of the shop, in Redis.

One Lua script does the whole decision on the server, so concurrent hits from any number of
processes draw on one budget and can never overshoot it. Per key: a sorted set of the hits
inside the window and a ban key whose value is the ban's end; both carry TTLs, so idle users
cost nothing. The rules match `InMemoryRateLimiter` (see there). Time is the Redis server's
clock (one clock for all instances) unless a `clock` is injected (tests).

When Redis fails the limiter fails open: the update goes through and a warning is logged,
because a broken limiter must not take the whole bot down.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shop_domain.ports.rate_limiter import RateDecision

logger = structlog.get_logger(__name__)

# KEYS: hits (zset), ban. ARGV: limit, window_ms, ban_ms, now_ms ('' = server time), nonce.
# Returns {allowed, retry_after_ms, first_rejection}.
_HIT_SCRIPT = """
local hits, ban = KEYS[1], KEYS[2]
local limit, window, ban_ms = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local banned_until = tonumber(redis.call('GET', ban))
if banned_until and now < banned_until then
  return {0, banned_until - now, 0}
end
redis.call('ZREMRANGEBYSCORE', hits, '-inf', now - window)
if redis.call('ZCARD', hits) < limit then
  redis.call('ZADD', hits, now, now .. ':' .. ARGV[5])
  redis.call('PEXPIRE', hits, window)
  return {1, 0, 0}
end
if ban_ms > 0 then
  banned_until = now + ban_ms
  redis.call('DEL', hits)
else
  local oldest = redis.call('ZRANGE', hits, 0, 0, 'WITHSCORES')
  banned_until = tonumber(oldest[2]) + window
end
redis.call('SET', ban, banned_until, 'PX', banned_until - now)
return {0, banned_until - now, 1}
"""
_WARN_EVERY_SECONDS = 30.0


class RedisRateLimiter:
    def __init__(
        self,
        redis: Redis,
        *,
        max_requests: int,
        window_seconds: float,
        ban_seconds: float,
        key_prefix: str = "shop:rate",
        clock: Callable[[], float] | None = None,
    ) -> None:
        window_ms, ban_ms = round(window_seconds * 1000), round(ban_seconds * 1000)
        if max_requests < 1 or window_ms < 1 or ban_ms < 0:
            raise ValueError("need max_requests >= 1, window_seconds > 0 and ban_seconds >= 0")
        self._script = redis.register_script(_HIT_SCRIPT)
        self._policy = (max_requests, window_ms, ban_ms)
        self._prefix = key_prefix
        self._clock = clock
        self._warned_at = -_WARN_EVERY_SECONDS
        self._failing = False

    async def hit(self, key: str) -> RateDecision:
        # The hash tag keeps both keys of one user in one slot (Redis Cluster).
        keys = [f"{self._prefix}:{{{key}}}:hits", f"{self._prefix}:{{{key}}}:ban"]
        now_ms = "" if self._clock is None else str(round(self._clock() * 1000))
        try:
            allowed, retry_ms, first = await self._script(
                keys=keys, args=[*self._policy, now_ms, secrets.token_hex(6)]
            )
        except RedisError as error:
            self._warn(error)
            return RateDecision(allowed=True)
        if self._failing:
            self._failing = False
            logger.info("rate_limiter_recovered")
        return RateDecision(
            allowed=bool(allowed),
            retry_after_seconds=int(retry_ms) / 1000,
            first_rejection=bool(first),
        )

    def _warn(self, error: RedisError) -> None:
        """Fail open, and say so at most every 30 s: a dead Redis must not flood the log."""
        self._failing = True
        now = time.monotonic()
        if now - self._warned_at >= _WARN_EVERY_SECONDS:
            self._warned_at = now
            logger.warning("rate_limiter_failed_open", error=type(error).__name__)
