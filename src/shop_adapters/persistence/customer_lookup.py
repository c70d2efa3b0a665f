"""SqlCustomerLookup: one SELECT on a connection outside any transaction.

On PostgreSQL that is the statement alone on the wire (plus the pool's one-statement ping),
where a unit of work adds BEGIN and ROLLBACK; on SQLite no `BEGIN IMMEDIATE`, so a lookup
never waits for the write lock.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import read_only
from shop_adapters.persistence.mappers import customer_from_row
from shop_adapters.persistence.storage_errors import translated_errors
from shop_adapters.persistence.tables import CustomerRow, table_of
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId

customers = table_of(CustomerRow)
BY_ID = select(customers).where(customers.c.id == bindparam("customer_id"))


class SqlCustomerLookup:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = read_only(engine)

    async def get(self, customer_id: CustomerId) -> Customer | None:
        with translated_errors():
            async with self._engine.connect() as connection:
                result = await connection.execute(BY_ID, {"customer_id": customer_id})
                row = result.first()
        return None if row is None else customer_from_row(row)
