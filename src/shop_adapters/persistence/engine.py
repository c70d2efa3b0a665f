"""The async engine for PostgreSQL (asyncpg) or the embedded SQLite file (aiosqlite).

SQLite gets WAL, foreign keys, a busy timeout and `BEGIN IMMEDIATE` transactions: writers are
serialised, which is what makes a subscription extension safe without row locks there.

PostgreSQL connections are pinged on checkout with one `SELECT 1`. SQLAlchemy's own
`pool_pre_ping` wraps it in BEGIN and ROLLBACK (for pgbouncer's transaction mode, which
asyncpg's prepared statements do not survive anyway): three round trips on every checkout,
more than the lookup that follows. A dead connection is replaced before anyone uses it, as
with `pool_pre_ping`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import asyncpg  # type: ignore[import-untyped]  # no stubs; only its exception types are used
from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from shop_domain.errors import StorageError

SQLITE_BUSY_TIMEOUT_MS = 15_000
# RETURNING (3.35) carries every compare-and-set, the promo counter and the inbox insert.
SQLITE_MIN_VERSION = (3, 35, 0)
#: Execution option of `read_only()` engines on SQLite: no `BEGIN IMMEDIATE`.
READ_ONLY_OPTION = "shop_read_only"


def create_engine(url: str, *, pool_size: int = 10, echo: bool = False) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        _require_sqlite_returning()
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=echo)
        _serialise_sqlite_writers(engine)
        return engine
    engine = create_async_engine(url, echo=echo, pool_size=pool_size, max_overflow=pool_size)
    _ping_on_checkout(engine)
    return engine


def read_only(engine: AsyncEngine) -> AsyncEngine:
    """The same pool, with statements outside any transaction (each sees the latest commit):
    for lookups that write nothing and lock nothing."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{READ_ONLY_OPTION: True})
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def _ping_on_checkout(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "checkout")
    def _ping(dbapi_connection: Any, _record: object, _proxy: object) -> None:
        try:
            dbapi_connection.run_async(lambda connection: connection.execute("SELECT 1"))
        # A connection whose server died may fail as a socket error, a server error, or
        # asyncpg's own protocol-state error (the FATAL arrived mid-operation): replace it.
        except (
            OSError,
            asyncpg.PostgresError,
            asyncpg.InterfaceError,
            asyncpg.InternalClientError,
        ) as error:
            raise DisconnectionError(type(error).__name__) from error  # the pool reconnects


def _require_sqlite_returning() -> None:
    if sqlite3.sqlite_version_info < SQLITE_MIN_VERSION:
        wanted = ".".join(map(str, SQLITE_MIN_VERSION))
        msg = f"SQLite {sqlite3.sqlite_version} is too old: the shop needs {wanted} (RETURNING)"
        raise StorageError(msg)


def _serialise_sqlite_writers(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if not connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
