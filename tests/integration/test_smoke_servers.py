"""The servers `scripts/test` provides are real and reachable."""

from __future__ import annotations

import uuid

from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

MIN_POSTGRES_MAJOR = 13  # oldest PostgreSQL still supported upstream when this was written


async def test_postgresql_answers_and_keeps_what_it_is_given(database_url: str) -> None:
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as connection:
            version = (await connection.execute(text("SELECT version()"))).scalar_one()
            number = (await connection.execute(text("SHOW server_version_num"))).scalar_one()
            await connection.execute(text("CREATE TEMP TABLE smoke (id int, note text)"))
            await connection.execute(
                text("INSERT INTO smoke VALUES (:id, :note)"), {"id": 1, "note": "ok"}
            )
            stored = (await connection.execute(text("SELECT note FROM smoke"))).scalar_one()
    finally:
        await engine.dispose()

    assert version.startswith("PostgreSQL ")
    assert int(number) // 10_000 >= MIN_POSTGRES_MAJOR
    assert stored == "ok"


async def test_redis_answers_and_keeps_what_it_is_given(redis_url: str) -> None:
    client = Redis.from_url(redis_url, decode_responses=True)
    key = f"smoke:{uuid.uuid4()}"
    try:
        assert await client.ping()
        await client.set(key, "value", ex=60)
        stored = await client.get(key)
        await client.delete(key)
    finally:
        await client.aclose()

    assert stored == "value"
