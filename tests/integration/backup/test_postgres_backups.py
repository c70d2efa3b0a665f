"""`shop backup` against the real PostgreSQL server: pg_dump, pg_restore --list, pg_restore.

The test creates two scratch databases next to the one in SHOP_TEST_DATABASE_URL and drops
them afterwards.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from typer.testing import CliRunner

from shop_adapters.backup import postgres
from shop_adapters.backup.errors import BackupError
from shop_entrypoints.cli_backup import backup_app
from tests.integration.backup.store import SETTINGS_ENV, customers, migrate, mode, seed

runner = CliRunner()


async def _admin(server_url: str, *statements: str) -> None:
    engine = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            for statement in statements:
                await connection.execute(text(statement))
    finally:
        await engine.dispose()


@pytest.fixture
def scratch(database_url: str) -> Iterator[tuple[str, str]]:
    base = make_url(database_url)
    names = (f"{base.database}_backup_src", f"{base.database}_backup_dst")
    drops = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in names]
    asyncio.run(_admin(database_url, *drops, *(f'CREATE DATABASE "{n}"' for n in names)))
    urls = [base.set(database=name).render_as_string(hide_password=False) for name in names]
    yield urls[0], urls[1]
    asyncio.run(_admin(database_url, *drops))


def shop(*arguments: str) -> tuple[int, str]:
    env = {**SETTINGS_ENV, "SHOP_BACKUP__INCLUDE_ENV_FILE": "false"}
    result = runner.invoke(backup_app, list(arguments), env=env)
    return result.exit_code, result.output


def test_round_trip_into_another_database(
    scratch: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source, target = scratch
    seed(source, [1, 2, 3])

    code, output = shop("create", "--database-url", source, "--directory", "b")
    assert code == 0, output
    [made] = (tmp_path / "b").iterdir()
    manifest = json.loads((made / "manifest.json").read_text())
    assert manifest["database"] == "postgresql"
    assert manifest["database_entries"] > 10  # tables, indexes, constraints, data
    assert mode(made / "database.pgdump") == 0o600
    assert postgres.verify(made / "database.pgdump") == manifest["database_entries"]

    migrate(target)  # a freshly migrated, empty database needs no --force
    code, output = shop("restore", made.name, "--database-url", target, "--directory", "b")
    assert code == 0, output
    assert customers(target) == {1, 2, 3}

    seed(target, [9])
    code, output = shop("restore", made.name, "--database-url", target, "--directory", "b")
    assert code == 1
    assert "holds data" in output
    assert customers(target) == {1, 2, 3, 9}

    code, output = shop(
        "restore", made.name, "--force", "--database-url", target, "--directory", "b"
    )
    assert code == 0, output
    assert customers(target) == {1, 2, 3}


def test_a_truncated_dump_fails_verification(scratch: tuple[str, str], tmp_path: Path) -> None:
    source, _ = scratch
    seed(source, [1])
    dump = tmp_path / "database.pgdump"
    postgres.backup(source, dump)
    dump.write_bytes(dump.read_bytes()[:200])

    with pytest.raises(BackupError, match="pg_restore failed"):
        postgres.verify(dump)


def test_an_unreachable_server_is_reported_without_the_password(
    scratch: tuple[str, str], tmp_path: Path
) -> None:
    source, _ = scratch
    url = make_url(source).set(port=1, password="s3cretPassw0rd")  # noqa: S106 - a test value
    code, output = shop(
        "create",
        "--database-url",
        url.render_as_string(hide_password=False),
        "--directory",
        str(tmp_path / "b"),
    )
    assert code == 1
    assert "pg_dump failed" in output
    assert "s3cretPassw0rd" not in output
    assert list((tmp_path / "b").iterdir()) == []


def test_the_libpq_environment_carries_the_password_not_the_arguments() -> None:
    environment = postgres.libpq_environment(
        "postgresql+asyncpg://shop:p%40ss@db.internal:6432/shop?ssl=require"
    )
    assert environment == {
        "PGHOST": "db.internal",
        "PGPORT": "6432",
        "PGUSER": "shop",
        "PGPASSWORD": "p@ss",
        "PGDATABASE": "shop",
        "PGSSLMODE": "require",
    }
