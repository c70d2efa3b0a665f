"""The one-statement checkout ping still does pool_pre_ping's job: a pooled PostgreSQL
connection whose server process died is replaced before anyone uses it."""

from __future__ import annotations

from sqlalchemy import text

from shop_adapters.persistence.engine import create_engine
from tests.perf.round_trips import RoundTripCounter


async def test_a_connection_killed_on_the_server_is_replaced_on_checkout(
    database_url: str,
) -> None:
    engine = create_engine(database_url, pool_size=1)
    counter = RoundTripCounter(engine)
    try:
        async with engine.connect() as connection:
            victim = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        killer = create_engine(database_url)
        async with killer.connect() as connection:
            await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": victim})
        await killer.dispose()

        with counter.measure() as tally:
            async with engine.connect() as connection:
                fresh = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()

        assert fresh != victim
        assert tally.connects == 1
    finally:
        await engine.dispose()


async def test_a_healthy_checkout_costs_one_ping(database_url: str) -> None:
    engine = create_engine(database_url, pool_size=1)
    counter = RoundTripCounter(engine)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        with counter.measure() as tally:
            async with engine.connect():
                pass
        assert (tally.round_trips, tally.connects) == (1, 0)
    finally:
        await engine.dispose()
