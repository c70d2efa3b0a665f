"""Subscriptions (locked for update on PostgreSQL) and the provisioning outbox."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

from shop_adapters.persistence.billing_mappers import job_from_row, job_to_columns
from shop_adapters.persistence.mappers import subscription_from_row, subscription_to_columns
from shop_adapters.persistence.repository_base import SqlRepository
from shop_adapters.persistence.tables import (
    CustomerRow,
    ProvisioningJobRow,
    SubscriptionRow,
    table_of,
)
from shop_domain.model.ids import CustomerId, SubscriptionId
from shop_domain.model.provisioning import ProvisioningJob
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus

subscriptions = table_of(SubscriptionRow)
customers = table_of(CustomerRow)
jobs = table_of(ProvisioningJobRow)


class SqlAlchemySubscriptionRepository(SqlRepository):
    async def get(self, subscription_id: SubscriptionId) -> Subscription | None:
        statement = select(subscriptions).where(subscriptions.c.id == subscription_id)
        row = (await self._execute(statement)).first()
        return None if row is None else subscription_from_row(row)

    async def get_by_customer(self, customer_id: CustomerId) -> Subscription | None:
        statement = select(subscriptions).where(subscriptions.c.customer_id == customer_id)
        row = (await self._execute(statement)).first()
        return None if row is None else subscription_from_row(row)

    async def lock_by_customer(self, customer_id: CustomerId) -> Subscription | None:
        """Lock the customer's row first, so two first purchases (no subscription row yet)
        serialise too. FOR UPDATE on PostgreSQL; SQLite serialises with BEGIN IMMEDIATE."""
        await self._execute(
            select(customers.c.id).where(customers.c.id == customer_id).with_for_update()
        )
        statement = (
            select(subscriptions)
            .where(subscriptions.c.customer_id == customer_id)
            .with_for_update()
        )
        row = (await self._execute(statement)).first()
        return None if row is None else subscription_from_row(row)

    async def get_many_by_customers(
        self, ids: Sequence[CustomerId]
    ) -> Mapping[CustomerId, Subscription]:
        if not ids:
            return {}
        statement = select(subscriptions).where(subscriptions.c.customer_id.in_(ids))
        result = await self._execute(statement)
        return {CustomerId(row.customer_id): subscription_from_row(row) for row in result}

    async def add(self, subscription: Subscription) -> None:
        await self._execute(insert(subscriptions).values(subscription_to_columns(subscription)))

    async def update(self, subscription: Subscription) -> None:
        values = subscription_to_columns(subscription)
        await self._execute(
            update(subscriptions).where(subscriptions.c.id == subscription.id).values(values)
        )

    async def add_many(self, items: Sequence[Subscription]) -> None:
        await self._execute_many(insert(subscriptions), [subscription_to_columns(s) for s in items])

    async def update_many(self, items: Sequence[Subscription]) -> None:
        """One executemany UPDATE for the whole batch (bound names must differ from columns)."""
        if not items:
            return
        rows = [
            {f"b_{name}": value for name, value in subscription_to_columns(s).items()}
            for s in items
        ]
        columns: dict[str, Any] = {
            name: bindparam(f"b_{name}") for name in subscription_to_columns(items[0])
        }
        del columns["id"]
        statement = update(subscriptions).where(subscriptions.c.id == bindparam("b_id"))
        await self._execute_many(statement.values(columns), rows)

    async def count_active(self, now: datetime, *, trial: bool) -> int:
        statement = select(func.count()).where(
            subscriptions.c.status == SubscriptionStatus.ACTIVE.value,
            subscriptions.c.expires_at > now,
            subscriptions.c.is_trial.is_(trial),
        )
        return int((await self._execute(statement)).scalar_one())

    async def expiring_between(
        self, start: datetime, end: datetime, limit: int
    ) -> Sequence[Subscription]:
        statement = (
            select(subscriptions)
            .where(subscriptions.c.expires_at >= start, subscriptions.c.expires_at < end)
            .order_by(subscriptions.c.expires_at)
            .limit(limit)
        )
        return [subscription_from_row(row) for row in await self._execute(statement)]


class SqlAlchemyProvisioningOutbox(SqlRepository):
    async def add(self, job: ProvisioningJob) -> None:
        await self._execute(insert(jobs).values(job_to_columns(job)))

    async def get(self, job_id: str) -> ProvisioningJob | None:
        row = (await self._execute(select(jobs).where(jobs.c.id == job_id))).first()
        return None if row is None else job_from_row(row)

    async def due(self, now: datetime, limit: int) -> Sequence[ProvisioningJob]:
        statement = (
            select(jobs)
            .where(jobs.c.done_at.is_(None), jobs.c.next_attempt_at <= now)
            .order_by(jobs.c.next_attempt_at, jobs.c.created_at)
            .limit(limit)
        )
        return [job_from_row(row) for row in await self._execute(statement)]

    async def update(self, job: ProvisioningJob) -> None:
        values = job_to_columns(job)
        await self._execute(update(jobs).where(jobs.c.id == job.id).values(values))
