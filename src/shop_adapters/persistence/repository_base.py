"""What every SQL repository shares: its session and error-translating execution."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable, Result, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from shop_adapters.persistence.storage_errors import translated_errors


class SqlRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _execute(self, statement: Executable) -> Result[Any]:
        with translated_errors():
            return await self._session.execute(statement)

    async def _tuples(self, statement: Executable) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in await self._execute(statement)]

    async def _execute_many(self, statement: Executable, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        with translated_errors():
            await self._session.execute(statement, list(rows))

    async def _insert_unless_present(self, table: Table, values: dict[str, Any]) -> bool:
        """INSERT ... ON CONFLICT DO NOTHING; True when the row is new."""
        dialect = self._session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        key = next(iter(table.primary_key.columns))
        statement = insert(table).values(values).on_conflict_do_nothing().returning(key)
        result = await self._execute(statement)
        return result.first() is not None
