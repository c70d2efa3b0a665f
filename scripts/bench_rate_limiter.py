"""How many rate-limit decisions per second one shop process gets from a Redis server.

    uv run python scripts/bench_rate_limiter.py --url redis://127.0.0.1:6379/15

It writes keys under the prefix `bench:rate` and deletes them afterwards; point it at a
database you may write to. The in-process limiter is measured too, for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time

from shop_adapters.in_process.rate_limiter import InMemoryRateLimiter
from shop_adapters.redis.client import create_redis
from shop_adapters.redis.rate_limiter import RedisRateLimiter
from shop_domain.ports.rate_limiter import RateLimiter

PREFIX = "bench:rate"


async def measure(limiter: RateLimiter, hits: int, concurrency: int, users: int) -> float:
    """Hits per second with `concurrency` hits in flight, spread over `users` keys."""
    per_worker = hits // concurrency

    async def worker(offset: int) -> None:
        for i in range(per_worker):
            await limiter.hit(f"user:{(offset + i) % users}")

    started = time.perf_counter()
    await asyncio.gather(*(worker(n * per_worker) for n in range(concurrency)))
    return per_worker * concurrency / (time.perf_counter() - started)


async def main(url: str, hits: int, concurrency: int, users: int) -> None:
    redis = create_redis(url)
    try:
        await redis.ping()
        limiter = RedisRateLimiter(
            redis, max_requests=20, window_seconds=60, ban_seconds=300, key_prefix=PREFIX
        )
        await measure(limiter, min(hits, 1_000), concurrency, users)  # warm up the pool
        redis_rate = await measure(limiter, hits, concurrency, users)
        sequential = await measure(limiter, min(hits, 5_000), 1, users)
        keys = [key async for key in redis.scan_iter(match=f"{PREFIX}:*", count=1_000)]
        if keys:
            await redis.delete(*keys)
    finally:
        await redis.aclose(close_connection_pool=True)
    memory = InMemoryRateLimiter(max_requests=20, window_seconds=60, ban_seconds=300)
    memory_rate = await measure(memory, hits, concurrency, users)
    sys.stdout.write(
        f"redis     {redis_rate:>10,.0f} hits/s  ({concurrency} in flight, {users} users)\n"
        f"redis     {sequential:>10,.0f} hits/s  (one at a time: round-trip bound)\n"
        f"in-memory {memory_rate:>10,.0f} hits/s\n"
    )


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--hits", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--users", type=int, default=1_000)
    return parser.parse_args()


if __name__ == "__main__":
    args = parse()
    asyncio.run(main(args.url, args.hits, args.concurrency, args.users))
