"""How far provisioning lags: outbox jobs not yet done, and those that already failed."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shop_adapters.persistence.tables import ProvisioningJobRow
from shop_domain.errors import StorageError


class SqlAlchemyOutboxDepth:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def __call__(self) -> tuple[int, int]:
        failing = func.sum(case((ProvisioningJobRow.attempts > 0, 1), else_=0))
        query = select(func.count(), failing).where(ProvisioningJobRow.done_at.is_(None))
        try:
            async with self._sessions() as session:
                pending, failed = (await session.execute(query)).one()
        except SQLAlchemyError as exc:
            raise StorageError("could not count the provisioning outbox") from exc
        return int(pending), int(failed or 0)
