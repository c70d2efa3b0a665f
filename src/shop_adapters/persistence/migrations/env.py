"""Alembic environment: async engines, batch mode on SQLite (ALTER TABLE is limited there)."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from shop_adapters.persistence.engine import create_engine
from shop_adapters.persistence.tables import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:  # pragma: no cover - migrations.py always sets it
        raise RuntimeError("no database URL")
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
            await connection.commit()
    finally:
        await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    asyncio.run(_run_online())
