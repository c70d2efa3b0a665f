"""One repository contract, three stores: the in-memory fake, a real SQLite file and real
PostgreSQL. Migrations run once per store per session; each test starts from empty tables."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import create_engine, session_factory
from shop_adapters.persistence.migrations_runner import upgrade
from shop_adapters.persistence.tables import Base
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.ports.unit_of_work import UnitOfWork
from tests.fakes.memory_store import MemoryStore, MemoryUnitOfWork

UowFactory = Callable[[], UnitOfWork]
STORES = ["memory", "sqlite", "postgresql"]


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def migrated_postgres(database_url: str) -> str:
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()
    await upgrade(database_url)
    return database_url


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    await upgrade(f"sqlite+aiosqlite:///{path}")
    return path


async def empty_tables(engine: AsyncEngine) -> None:
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {names} CASCADE"))


@pytest.fixture
async def postgresql_engine(migrated_postgres: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(migrated_postgres, pool_size=60)
    await empty_tables(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
async def sqlite_engine(sqlite_template: Path, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    path = tmp_path / "shop.sqlite3"
    shutil.copyfile(sqlite_template, path)
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    yield engine
    await engine.dispose()


@pytest.fixture(params=STORES)
def uow_factory(request: pytest.FixtureRequest) -> UowFactory:
    if request.param == "memory":
        store = MemoryStore()
        return lambda: MemoryUnitOfWork(store)
    engine: AsyncEngine = request.getfixturevalue(f"{request.param}_engine")
    return SqlAlchemyUnitOfWorkFactory(session_factory(engine))
