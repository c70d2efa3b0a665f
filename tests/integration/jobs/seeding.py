"""Bulk test data for the job tests: customers with subscriptions, written in one statement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.mappers import customer_to_columns
from shop_adapters.persistence.tables import (
    BroadcastDeliveryRow,
    BroadcastRow,
    CustomerRow,
    ProviderEventRow,
    table_of,
)
from shop_domain.model.broadcasts import BroadcastId, BroadcastStatus, DeliveryStatus
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId


def now() -> datetime:
    return datetime.now(UTC)


async def seed_customers(engine: AsyncEngine, count: int) -> list[CustomerId]:
    ids = [CustomerId(100_000 + n) for n in range(count)]
    rows = [
        customer_to_columns(
            Customer(id=i, language=Language.EN, referral_code=f"R{i}", created_at=now())
        )
        for i in ids
    ]
    async with engine.begin() as connection:
        await connection.execute(insert(table_of(CustomerRow)), rows)
    return ids


async def broadcast_status(engine: AsyncEngine, broadcast_id: BroadcastId) -> BroadcastStatus:
    broadcasts = table_of(BroadcastRow)
    async with engine.connect() as connection:
        status = await connection.scalar(
            select(broadcasts.c.status).where(broadcasts.c.id == broadcast_id)
        )
    return BroadcastStatus(str(status))


async def recipients_by_status(
    engine: AsyncEngine, broadcast_id: BroadcastId
) -> dict[DeliveryStatus, set[int]]:
    deliveries = table_of(BroadcastDeliveryRow)
    statement = select(deliveries.c.status, deliveries.c.customer_id).where(
        deliveries.c.broadcast_id == broadcast_id
    )
    found: dict[DeliveryStatus, set[int]] = {}
    async with engine.connect() as connection:
        for status, customer_id in await connection.execute(statement):
            found.setdefault(DeliveryStatus(status), set()).add(customer_id)
    return found


async def reminders_recorded(engine: AsyncEngine) -> int:
    events = table_of(ProviderEventRow)
    statement = select(func.count()).where(events.c.provider == "reminder")
    async with engine.connect() as connection:
        return int(await connection.scalar(statement) or 0)


def in_hours(hours: float) -> datetime:
    return now() + timedelta(hours=hours)
