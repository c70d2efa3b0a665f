"""The global send budget (SendRateLimiter): one slot every 1/rate seconds for the whole bot.

A GCRA-style schedule: each caller reserves the next free slot and sleeps until it, so sends
are spread evenly instead of bursting at second boundaries. A 429 pushes the next free slot
past `retry_after` for everyone. In Redis the slot is one key updated by a Lua script on the
server's clock, shared by every worker; embedded, the same arithmetic runs in this process.
"""

from __future__ import annotations

import asyncio
import time

from redis.asyncio import Redis
from redis.exceptions import RedisError

from shop_domain.errors import JobQueueUnavailableError

# KEYS[1]: next free slot (ms since epoch). ARGV[1]: ms per slot, ARGV[2]: pause ms (0: none).
_RESERVE = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local slot = tonumber(redis.call('GET', KEYS[1]) or '0')
if slot < now then slot = now end
local pause = tonumber(ARGV[2])
if pause > 0 then
  if now + pause > slot then slot = now + pause end
  redis.call('SET', KEYS[1], slot, 'PX', slot - now + 60000)
  return 0
end
redis.call('SET', KEYS[1], slot + tonumber(ARGV[1]), 'PX', slot - now + 60000)
return slot - now
"""


class RedisSendRateLimiter:
    def __init__(
        self, redis: Redis, rate_per_second: float, *, key: str = "shop:send_rate"
    ) -> None:
        self._script = redis.register_script(_RESERVE)
        self._slot_ms = max(1, round(1000 / rate_per_second))
        self._key = key

    async def acquire(self) -> None:
        wait_ms = await self._call(0)
        if wait_ms > 0:
            await asyncio.sleep(wait_ms / 1000)

    async def pause(self, seconds: float) -> None:
        await self._call(max(1, round(seconds * 1000)))

    async def _call(self, pause_ms: int) -> int:
        try:
            return int(await self._script(keys=[self._key], args=[self._slot_ms, pause_ms]))
        except RedisError as error:
            raise JobQueueUnavailableError("the send budget in Redis is unreachable") from error


class InProcessSendRateLimiter:
    def __init__(self, rate_per_second: float) -> None:
        self._slot = 1 / rate_per_second
        self._next = 0.0

    async def acquire(self) -> None:
        now = time.monotonic()
        slot = max(self._next, now)
        self._next = slot + self._slot
        if slot > now:
            await asyncio.sleep(slot - now)

    async def pause(self, seconds: float) -> None:
        self._next = max(self._next, time.monotonic() + seconds)
