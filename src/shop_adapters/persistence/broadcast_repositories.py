"""SqlAlchemyBroadcastRepository: broadcasts and the per-recipient delivery queue.

`claim_next` is the classic SQL work queue: on PostgreSQL `FOR UPDATE SKIP LOCKED` lets many
workers take different recipients at once; SQLite serialises writers, so the same statement
without the row lock is just as safe there.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Join, func, insert, literal, select, update

from shop_adapters.persistence.broadcast_mappers import (
    audience_condition,
    broadcast_from_row,
    broadcast_to_columns,
)
from shop_adapters.persistence.repository_base import SqlRepository
from shop_adapters.persistence.tables import (
    BroadcastDeliveryRow,
    BroadcastRow,
    CustomerRow,
    SubscriptionRow,
    table_of,
)
from shop_domain.model.broadcasts import (
    Audience,
    Broadcast,
    BroadcastId,
    BroadcastStatus,
    DeliveryCounts,
    DeliveryStatus,
)
from shop_domain.model.ids import CustomerId

broadcasts = table_of(BroadcastRow)
deliveries = table_of(BroadcastDeliveryRow)
customers = table_of(CustomerRow)
subscriptions = table_of(SubscriptionRow)
_PENDING = DeliveryStatus.PENDING.value
_SENDING = DeliveryStatus.SENDING.value


class SqlAlchemyBroadcastRepository(SqlRepository):
    async def add(self, broadcast: Broadcast) -> None:
        await self._execute(insert(broadcasts).values(broadcast_to_columns(broadcast)))

    async def get(self, broadcast_id: BroadcastId) -> Broadcast | None:
        statement = select(broadcasts).where(broadcasts.c.id == broadcast_id)
        row = (await self._execute(statement)).first()
        return None if row is None else broadcast_from_row(row)

    async def update(self, broadcast: Broadcast) -> None:
        values = broadcast_to_columns(broadcast)
        await self._execute(
            update(broadcasts).where(broadcasts.c.id == broadcast.id).values(values)
        )

    async def sending(self, limit: int) -> Sequence[Broadcast]:
        statement = (
            select(broadcasts)
            .where(broadcasts.c.status == BroadcastStatus.SENDING.value)
            .order_by(broadcasts.c.created_at)
            .limit(limit)
        )
        return [broadcast_from_row(row) for row in await self._execute(statement)]

    @staticmethod
    def _audience(audience: Audience, now: datetime) -> tuple[Join, ColumnElement[bool]]:
        joined = customers.outerjoin(subscriptions, subscriptions.c.customer_id == customers.c.id)
        condition = audience_condition(audience, customers, subscriptions, now)
        return joined, condition

    async def count_audience(self, audience: Audience, now: datetime) -> int:
        joined, condition = self._audience(audience, now)
        statement = select(func.count()).select_from(joined).where(condition)
        return int((await self._execute(statement)).scalar_one())

    async def add_recipients(
        self, broadcast_id: BroadcastId, audience: Audience, now: datetime
    ) -> int:
        joined, condition = self._audience(audience, now)
        chosen = (
            select(
                literal(broadcast_id),
                customers.c.id,
                literal(_PENDING),
                literal(now, deliveries.c.updated_at.type),
            )
            .select_from(joined)
            .where(condition)
        )
        columns = ["broadcast_id", "customer_id", "status", "updated_at"]
        await self._execute(insert(deliveries).from_select(columns, chosen))
        statement = select(func.count()).where(deliveries.c.broadcast_id == broadcast_id)
        return int((await self._execute(statement)).scalar_one())

    async def claim_next(self, broadcast_id: BroadcastId, now: datetime) -> CustomerId | None:
        mine = deliveries.c.broadcast_id == broadcast_id
        next_one = (
            select(deliveries.c.customer_id)
            .where(mine, deliveries.c.status == _PENDING)
            .order_by(deliveries.c.customer_id)
            .limit(1)
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        statement = (
            update(deliveries)
            .where(mine, deliveries.c.status == _PENDING, deliveries.c.customer_id == next_one)
            .values(status=_SENDING, updated_at=now)
            .returning(deliveries.c.customer_id)
        )
        claimed = (await self._execute(statement)).scalar_one_or_none()
        return None if claimed is None else CustomerId(claimed)

    async def record_delivery(
        self,
        broadcast_id: BroadcastId,
        customer_id: CustomerId,
        status: DeliveryStatus,
        now: datetime,
    ) -> None:
        await self._execute(
            update(deliveries)
            .where(deliveries.c.broadcast_id == broadcast_id)
            .where(deliveries.c.customer_id == customer_id)
            .values(status=status.value, updated_at=now)
        )

    async def settle_stale(self, broadcast_id: BroadcastId, cutoff: datetime) -> int:
        statement = (
            update(deliveries)
            .where(deliveries.c.broadcast_id == broadcast_id)
            .where(deliveries.c.status == _SENDING, deliveries.c.updated_at < cutoff)
            .values(status=DeliveryStatus.UNCONFIRMED.value)
            .returning(deliveries.c.customer_id)
        )
        return len((await self._execute(statement)).all())

    async def skip_pending(self, broadcast_id: BroadcastId, now: datetime) -> int:
        statement = (
            update(deliveries)
            .where(deliveries.c.broadcast_id == broadcast_id, deliveries.c.status == _PENDING)
            .values(status=DeliveryStatus.SKIPPED.value, updated_at=now)
            .returning(deliveries.c.customer_id)
        )
        return len((await self._execute(statement)).all())

    async def counts(self, broadcast_id: BroadcastId) -> DeliveryCounts:
        statement = (
            select(deliveries.c.status, func.count())
            .where(deliveries.c.broadcast_id == broadcast_id)
            .group_by(deliveries.c.status)
        )
        rows = await self._tuples(statement)
        return DeliveryCounts.of({DeliveryStatus(status): int(n) for status, n in rows})
