"""The migration stairway: every revision goes up, down and up again, on both databases; and
the migrated schema matches the tables the code declares."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

from shop_adapters.persistence.engine import create_engine
from shop_adapters.persistence.migrations_runner import (
    alembic_config,
    current,
    downgrade,
    upgrade,
)
from shop_adapters.persistence.tables import Base
from tests.integration.persistence.databases import scratch_database

# SQLite cannot reflect expression indexes; test_stairway_on_sqlite checks that one directly.
_UNREFLECTABLE = "ignore:.*expression-based index ix_customers_username_lower"
_UNCOMPARABLE = "ignore:.*expression-based index 'ix_customers_username_lower'"


@pytest.fixture
async def scratch_postgres(database_url: str) -> AsyncIterator[str]:
    """A database of its own, so walking migrations never disturbs the other tests."""
    async with scratch_database(database_url, "shop_stairway") as url:
        yield url


def revisions(url: str) -> list[str]:
    script = ScriptDirectory.from_config(alembic_config(url))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


async def walk_stairway(url: str) -> None:
    steps = revisions(url)
    assert len(steps) >= 2
    previous = "base"
    for revision in steps:
        await upgrade(url, revision)
        assert await current(url) == revision
        await downgrade(url, previous)
        assert await current(url) == (None if previous == "base" else previous)
        await upgrade(url, revision)
        previous = revision
    await downgrade(url, "base")
    await upgrade(url)


async def schema_differences(url: str) -> list[object]:
    engine = create_engine(url)

    def compare(connection: Connection) -> list[object]:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))

    try:
        async with engine.connect() as connection:
            return await connection.run_sync(compare)
    finally:
        await engine.dispose()


async def test_stairway_on_postgresql(scratch_postgres: str) -> None:
    await walk_stairway(scratch_postgres)
    assert await schema_differences(scratch_postgres) == []


@pytest.mark.filterwarnings(_UNREFLECTABLE)
@pytest.mark.filterwarnings(_UNCOMPARABLE)
async def test_stairway_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'stairway.sqlite3'}"
    await walk_stairway(url)
    assert await current(url) == revisions(url)[-1]
    assert await schema_differences(url) == []
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            sql = (
                await connection.execute(
                    text("SELECT sql FROM sqlite_master WHERE name = 'ix_customers_username_lower'")
                )
            ).scalar_one()
    finally:
        await engine.dispose()
    assert "lower(username)" in sql
