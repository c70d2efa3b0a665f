"""Fixtures for the job tests: a migrated database of their own, a flushed Redis db, the
fake Bot API, and shop instances started as real processes."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from asyncio.subprocess import Process
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Protocol

import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import create_engine
from shop_adapters.persistence.migrations_runner import upgrade
from tests.integration.jobs.flaky_bot_api import FlakyBotApiServer
from tests.integration.jobs.instance import TOKEN
from tests.integration.persistence.databases import scratch_database

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
async def jobs_database(database_url: str) -> AsyncIterator[str]:
    async with scratch_database(database_url, "shop_jobs") as url:
        await upgrade(url)
        yield url


@pytest.fixture
async def db(jobs_database: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(jobs_database)
    yield engine
    await engine.dispose()


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose()


@pytest.fixture
async def bot_api() -> AsyncIterator[FlakyBotApiServer]:
    server = FlakyBotApiServer(TOKEN)
    await server.start()
    yield server
    await server.close()


class Spawn(Protocol):
    def __call__(self, role: str = ..., **options: object) -> Awaitable[Process]: ...


@pytest.fixture
async def spawn(
    jobs_database: str, redis_url: str, bot_api: FlakyBotApiServer
) -> AsyncIterator[Spawn]:
    """`await spawn(role="worker", rate=100)`: a shop instance as a separate OS process."""
    processes: list[Process] = []

    async def start(role: str = "both", **options: object) -> Process:
        argv = [
            "-m",
            "tests.integration.jobs.instance",
            f"--role={role}",
            f"--database={jobs_database}",
            f"--redis={redis_url}",
            f"--bot-api={bot_api.base_url}",
            *(f"--{name}={value}" for name, value in options.items()),
        ]
        process = await asyncio.create_subprocess_exec(
            sys.executable, *argv, cwd=ROOT, env=dict(os.environ), stdout=asyncio.subprocess.DEVNULL
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.returncode is None:
            process.send_signal(signal.SIGKILL)
            await process.wait()
