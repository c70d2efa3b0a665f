"""Does a database already hold data? A restore over a populated database needs --force.

"Data" means a row in any table other than Alembic's version table: a freshly migrated,
still empty database may be restored into without --force.
"""

from __future__ import annotations

from sqlalchemy import inspect, select, table
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import create_async_engine

from shop_adapters.backup.errors import BackupError

IGNORED_TABLES = frozenset({"alembic_version"})


async def holds_data(url: str) -> bool:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
            for name in sorted(set(names) - IGNORED_TABLES):
                row = await connection.execute(select(1).select_from(table(name)).limit(1))
                if row.first() is not None:
                    return True
    except SQLAlchemyError as error:
        raise BackupError(f"cannot inspect the target database: {type(error).__name__}") from error
    finally:
        await engine.dispose()
    return False
