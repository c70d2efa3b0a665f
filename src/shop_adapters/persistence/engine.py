"""The async engine for PostgreSQL (asyncpg) or the embedded SQLite file (aiosqlite).

SQLite gets WAL, foreign keys, a busy timeout and `BEGIN IMMEDIATE` transactions: writers are
serialised, which is what makes a subscription extension safe without row locks there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
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


def create_engine(url: str, *, pool_size: int = 10, echo: bool = False) -> AsyncEngine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        _require_sqlite_returning()
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=echo)
        _serialise_sqlite_writers(engine)
        return engine
    return create_async_engine(
        url, echo=echo, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True
    )


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
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
