from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from shop_domain.errors import ConcurrentUpdateError
from shop_domain.model.ids import CustomerId, OrderId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import CREDITED, Payment, PaymentStatus, can_transition
from shop_domain.model.provider_events import EventOutcome, ProviderEvent
from tests.fakes.memory_store.store import MemoryState


class MemoryOrderRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def get(self, order_id: OrderId) -> Order | None:
        return self._state.orders.get(order_id)

    async def add(self, order: Order) -> None:
        self._state.orders[order.id] = order


class MemoryPaymentRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def get(self, payment_id: PaymentId) -> Payment | None:
        return self._state.payments.get(payment_id)

    async def get_by_provider_id(self, provider: str, provider_payment_id: str) -> Payment | None:
        return next(
            (
                p
                for p in self._state.payments.values()
                if p.provider == provider and p.provider_payment_id == provider_payment_id
            ),
            None,
        )

    def _check_unique(self, payment: Payment) -> None:
        if payment.provider_payment_id is None:
            return
        for other in self._state.payments.values():
            if (
                other.id != payment.id
                and other.provider == payment.provider
                and other.provider_payment_id == payment.provider_payment_id
            ):
                raise ConcurrentUpdateError("duplicate provider payment id")

    async def add(self, payment: Payment) -> None:
        if payment.id in self._state.payments:
            raise ConcurrentUpdateError(f"payment {payment.id} exists")
        self._check_unique(payment)
        self._state.payments[payment.id] = payment

    async def attach_checkout(
        self, payment_id: PaymentId, provider_payment_id: str | None, checkout_url: str | None
    ) -> None:
        payment = self._state.payments[payment_id]
        updated = replace(
            payment,
            provider_payment_id=provider_payment_id or payment.provider_payment_id,
            checkout_url=checkout_url,
        )
        self._check_unique(updated)
        self._state.payments[payment_id] = updated

    async def transition(
        self, payment_id: PaymentId, target: PaymentStatus, now: datetime
    ) -> Payment | None:
        payment = self._state.payments.get(payment_id)
        if payment is None or not can_transition(payment.status, target):
            return None
        updated = payment.transition(target, now)
        self._state.payments[payment_id] = updated
        return updated

    async def pending_older_than(self, cutoff: datetime, limit: int) -> Sequence[Payment]:
        found = [
            p
            for p in self._state.payments.values()
            if p.status is PaymentStatus.PENDING and p.created_at < cutoff
        ]
        return sorted(found, key=lambda p: p.created_at)[:limit]

    async def list_for_customer(self, customer_id: CustomerId, limit: int) -> Sequence[Payment]:
        found = [p for p in self._state.payments.values() if p.customer_id == customer_id]
        return sorted(found, key=lambda p: p.created_at, reverse=True)[:limit]

    async def revenue_since(self, since: datetime) -> Sequence[Money]:
        totals: dict[str, Money] = {}
        for p in self._state.payments.values():
            if p.status in CREDITED and p.paid_at is not None and p.paid_at >= since:
                totals[p.amount.currency] = (
                    totals.get(p.amount.currency, Money.zero(p.amount.currency)) + p.amount
                )
        return [totals[c] for c in sorted(totals)]


class MemoryProviderEventRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def record(self, event: ProviderEvent) -> bool:
        key = (event.provider, event.event_id)
        if key in self._state.events:
            return False
        self._state.events[key] = event
        return True

    async def set_outcome(
        self, provider: str, event_id: str, outcome: EventOutcome, payment_ref: str | None
    ) -> None:
        event = self._state.events[(provider, event_id)]
        self._state.events[(provider, event_id)] = replace(
            event, outcome=outcome, payment_ref=payment_ref
        )
