"""Database round trips of a returning customer's /start and main-menu tap, counted (not
timed) on the real container's wiring against SQLite and PostgreSQL, with the fake Bot API
on loopback. PostgreSQL: the pool's ping and the customer SELECT; SQLite: the SELECT alone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram.types import Update
from sqlalchemy import text

from shop_adapters.persistence.migrations_runner import upgrade
from shop_adapters.persistence.tables import Base
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.model.ids import CustomerId
from shop_entrypoints.runner.resolve import resolve
from tests.fakes.telegram.bot_api_server import FakeBotApiServer
from tests.perf.bot_rig import TOKEN, BotRig, open_rig, seed_customers

#: At most two per update, the performance budget; these are what the code does today.
EXPECTED = {"postgresql": 2, "sqlite": 1}
WARM, ALICE, BOB = 101, 102, 103


@pytest.fixture(params=["sqlite", "postgresql"])
async def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'shop.sqlite3'}"
    else:
        url = str(request.getfixturevalue("database_url"))
    await upgrade(url)
    return url


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApiServer]:
    server = FakeBotApiServer(TOKEN)
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def rig(store_url: str, api: FakeBotApiServer) -> AsyncIterator[BotRig]:
    rig = await open_rig(store_url, api.base_url)
    if rig.engine.dialect.name == "postgresql":
        names = ", ".join(table.name for table in Base.metadata.sorted_tables)
        async with rig.engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {names} CASCADE"))
    await seed_customers(rig, [WARM, ALICE, BOB])
    await feed(rig, rig.start_update(1, WARM))  # the pool's connection and its statements
    yield rig
    await rig.close()


async def feed(rig: BotRig, update: Update) -> int:
    """The update's round trips (PostgreSQL) or statements (SQLite); no new connection."""
    with rig.counter.measure() as tally:
        await rig.dispatcher.feed_update(rig.bot, update)
    assert tally.connects == 0
    return tally.round_trips if rig.counter.is_postgresql else tally.statements


def screen_of(api: FakeBotApiServer, chat_id: int) -> int:
    return max(m.message_id for m in api.store.in_chat(chat_id))


async def test_returning_start_and_menu_tap_stay_within_the_budget(
    rig: BotRig, api: FakeBotApiServer
) -> None:
    expected = EXPECTED[rig.engine.dialect.name]

    start_trips = await feed(rig, rig.start_update(2, ALICE))
    tap_trips = await feed(rig, rig.menu_tap(3, ALICE, screen_of(api, ALICE)))

    assert (start_trips, tap_trips) == (expected, expected)
    assert rig.panel.calls == []
    assert [c.method for c in api.calls if c.params.get("chat_id") in (ALICE, str(ALICE))] == [
        "sendmessage",
        "editmessagetext",
    ]
    assert api.calls_of("answercallbackquery")


async def test_new_customer_and_changed_profile_still_reach_the_database(
    rig: BotRig, api: FakeBotApiServer
) -> None:
    newcomer = 104
    await feed(rig, rig.start_update(2, newcomer))
    await feed(rig, rig.start_update(3, BOB, first_name="Robert"))

    uow_factory = await resolve(rig.container.infra.uow_factory, SqlAlchemyUnitOfWorkFactory)
    async with uow_factory() as uow:
        stored = await uow.customers.get_many([CustomerId(newcomer), CustomerId(BOB)])
    assert CustomerId(newcomer) in stored
    assert stored[CustomerId(BOB)].first_name == "Robert"
    assert api.calls_of("sendmessage")[-1].params["chat_id"] in (BOB, str(BOB))
