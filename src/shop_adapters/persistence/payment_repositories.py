"""Orders, payments (compare-and-set transitions) and the inbox of provider events."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update

from shop_adapters.persistence.billing_mappers import (
    event_to_columns,
    order_from_row,
    order_to_columns,
    payment_from_row,
    payment_to_columns,
)
from shop_adapters.persistence.repository_base import SqlRepository
from shop_adapters.persistence.tables import OrderRow, PaymentRow, ProviderEventRow, table_of
from shop_domain.model.ids import CustomerId, OrderId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import CREDITED, Payment, PaymentStatus, sources_of
from shop_domain.model.provider_events import EventOutcome, ProviderEvent

orders = table_of(OrderRow)
payments = table_of(PaymentRow)
events = table_of(ProviderEventRow)


class SqlAlchemyOrderRepository(SqlRepository):
    async def get(self, order_id: OrderId) -> Order | None:
        row = (await self._execute(select(orders).where(orders.c.id == order_id))).first()
        return None if row is None else order_from_row(row)

    async def add(self, order: Order) -> None:
        await self._execute(insert(orders).values(order_to_columns(order)))


class SqlAlchemyPaymentRepository(SqlRepository):
    async def get(self, payment_id: PaymentId) -> Payment | None:
        row = (await self._execute(select(payments).where(payments.c.id == payment_id))).first()
        return None if row is None else payment_from_row(row)

    async def get_by_provider_id(self, provider: str, provider_payment_id: str) -> Payment | None:
        statement = select(payments).where(
            payments.c.provider == provider,
            payments.c.provider_payment_id == provider_payment_id,
        )
        row = (await self._execute(statement)).first()
        return None if row is None else payment_from_row(row)

    async def add(self, payment: Payment) -> None:
        await self._execute(insert(payments).values(payment_to_columns(payment)))

    async def attach_checkout(
        self, payment_id: PaymentId, provider_payment_id: str | None, checkout_url: str | None
    ) -> None:
        values: dict[str, Any] = {"checkout_url": checkout_url}
        if provider_payment_id is not None:
            values["provider_payment_id"] = provider_payment_id
        await self._execute(update(payments).where(payments.c.id == payment_id).values(values))

    async def transition(
        self, payment_id: PaymentId, target: PaymentStatus, now: datetime
    ) -> Payment | None:
        values: dict[str, Any] = {"status": target.value}
        if target is PaymentStatus.PAID:
            values["paid_at"] = now
        if target is PaymentStatus.REFUNDED:
            values["refunded_at"] = now
        statement = (
            update(payments)
            .where(payments.c.id == payment_id)
            .where(payments.c.status.in_([s.value for s in sources_of(target)]))
            .values(values)
            .returning(*payments.c)
        )
        row = (await self._execute(statement)).first()
        return None if row is None else payment_from_row(row)

    async def pending_older_than(self, cutoff: datetime, limit: int) -> Sequence[Payment]:
        statement = (
            select(payments)
            .where(payments.c.status == PaymentStatus.PENDING.value)
            .where(payments.c.created_at < cutoff)
            .order_by(payments.c.created_at)
            .limit(limit)
        )
        return [payment_from_row(row) for row in await self._execute(statement)]

    async def list_for_customer(self, customer_id: CustomerId, limit: int) -> Sequence[Payment]:
        statement = (
            select(payments)
            .where(payments.c.customer_id == customer_id)
            .order_by(payments.c.created_at.desc())
            .limit(limit)
        )
        return [payment_from_row(row) for row in await self._execute(statement)]

    async def revenue_since(self, since: datetime) -> Sequence[Money]:
        statement = (
            select(payments.c.currency, func.sum(payments.c.amount_minor))
            .where(payments.c.status.in_([s.value for s in CREDITED]))
            .where(payments.c.paid_at >= since)
            .group_by(payments.c.currency)
            .order_by(payments.c.currency)
        )
        rows = await self._tuples(statement)
        return [Money.from_minor(int(total), currency) for currency, total in rows]


class SqlAlchemyProviderEventRepository(SqlRepository):
    async def record(self, event: ProviderEvent) -> bool:
        return await self._insert_unless_present(events, event_to_columns(event))

    async def set_outcome(
        self, provider: str, event_id: str, outcome: EventOutcome, payment_ref: str | None
    ) -> None:
        await self._execute(
            update(events)
            .where(events.c.provider == provider, events.c.event_id == event_id)
            .values(outcome=outcome.value, payment_ref=payment_ref)
        )
