"""Two independent clients of the real test Redis (two "instances" of the shop), flushed after
each test, and the URL of a port where nothing listens."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from shop_adapters.redis.client import create_redis


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = create_redis(redis_url)
    yield client
    await client.flushdb()
    await client.aclose(close_connection_pool=True)


@pytest.fixture
async def other_redis(redis_url: str) -> AsyncIterator[Redis]:
    """A second client with its own pool, as a second shop process would have."""
    client = create_redis(redis_url)
    yield client
    await client.aclose(close_connection_pool=True)


@pytest.fixture
def closed_redis_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"
