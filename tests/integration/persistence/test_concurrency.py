"""Races that cost money, run for real: concurrent transactions on PostgreSQL (and SQLite)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import session_factory
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.errors import PromoCodeExhaustedError
from shop_domain.model.ids import CustomerId, PaymentId, PromoCodeId
from shop_domain.model.money import Money
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.payment_gateway import NotificationKind, PaymentNotification
from shop_domain.services.billing.apply_promo_code import ApplyPromoCode, ApplyPromoCodeRequest
from shop_domain.services.billing.confirm_payment import ConfirmationOutcome, ConfirmPayment
from shop_domain.services.billing.credit_payment import PaymentCrediting
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from tests.integration.persistence.records import T0, customer, seed_pending_payment, subscription
from tests.unit.fakes import FakeJobQueue, FakeNotifier, FixedClock


def confirm_payment(uow_factory: SqlAlchemyUnitOfWorkFactory) -> ConfirmPayment:
    policy = ShopPolicy()
    return ConfirmPayment(
        uow_factory,
        FixedClock(T0),
        PaymentCrediting(policy),
        ProvisioningQueue(FakeJobQueue()),
        FakeNotifier(),
    )


def paid(payment_id: str, event_id: str) -> PaymentNotification:
    return PaymentNotification(
        provider="fakepay",
        event_id=event_id,
        kind=NotificationKind.PAID,
        payment_ref=PaymentId(payment_id),
        provider_payment_id=None,
        amount=Money.of("199.90", "RUB"),
    )


async def test_50_concurrent_confirmations_credit_once(postgresql_engine: AsyncEngine) -> None:
    uow_factory = SqlAlchemyUnitOfWorkFactory(session_factory(postgresql_engine))
    async with uow_factory() as uow:
        await seed_pending_payment(uow, 1, "p1")
        await uow.commit()
    confirm = confirm_payment(uow_factory)
    # half are redeliveries of one webhook, half are other signals (poller, return URL)
    signals = [paid("p1", "evt-1" if i % 2 else f"poll-{i}") for i in range(50)]
    results = await asyncio.gather(*(confirm.execute(s, b"{}") for s in signals))
    outcomes = [r.outcome for r in results]
    assert outcomes.count(ConfirmationOutcome.CREDITED) == 1
    assert set(outcomes) <= {
        ConfirmationOutcome.CREDITED,
        ConfirmationOutcome.DUPLICATE,
        ConfirmationOutcome.ALREADY_CREDITED,
    }
    async with uow_factory() as uow:
        subscription = await uow.subscriptions.get_by_customer(CustomerId(1))
        due = await uow.outbox.due(T0 + timedelta(days=1), 100)
    assert subscription is not None
    assert subscription.expires_at == T0 + timedelta(days=30)
    assert len(due) == 1


async def test_50_concurrent_activations_of_a_10_use_code(postgresql_engine: AsyncEngine) -> None:
    uow_factory = SqlAlchemyUnitOfWorkFactory(session_factory(postgresql_engine))
    code = PromoCode(
        PromoCodeId("c1"), "TEN", PromoKind.DISCOUNT_PERCENT, 10, T0, max_activations=10
    )
    async with uow_factory() as uow:
        for customer_id in range(1, 51):
            await uow.customers.add(customer(customer_id))
        await uow.promo_codes.add(code)
        await uow.commit()
    apply = ApplyPromoCode(
        uow_factory, FixedClock(T0), ShopPolicy(), ProvisioningQueue(FakeJobQueue())
    )
    requests = [ApplyPromoCodeRequest(CustomerId(i), "TEN") for i in range(1, 51)]
    results = await asyncio.gather(*(apply.execute(r) for r in requests), return_exceptions=True)
    assert sum(not isinstance(r, BaseException) for r in results) == 10
    assert all(isinstance(r, PromoCodeExhaustedError) for r in results if isinstance(r, Exception))
    async with uow_factory() as uow:
        stored = await uow.promo_codes.get(code.id)
    assert stored is not None
    assert stored.activations == 10


@pytest.mark.parametrize("existing", [False, True], ids=["first-purchase", "renewal"])
async def test_20_concurrent_renewals_add_up_on_postgresql(
    postgresql_engine: AsyncEngine, existing: bool
) -> None:
    await renewal_race(postgresql_engine, existing=existing)


@pytest.mark.parametrize("existing", [False, True], ids=["first-purchase", "renewal"])
async def test_20_concurrent_renewals_add_up_on_sqlite(
    sqlite_engine: AsyncEngine, existing: bool
) -> None:
    await renewal_race(sqlite_engine, existing=existing)


async def renewal_race(engine: AsyncEngine, *, existing: bool) -> None:
    """Twenty payments of one customer confirmed at once. Without a subscription row yet, only
    the customer-row lock keeps the first purchases apart; with one, the lock keeps each
    extension from overwriting another (a lost update would lose 30 paid days)."""
    uow_factory = SqlAlchemyUnitOfWorkFactory(session_factory(engine))
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        if existing:
            await uow.subscriptions.add(subscription(1, days=30))
        for n in range(20):
            await seed_pending_payment(uow, 1, f"p{n}", with_customer=False)
        await uow.commit()
    confirm = confirm_payment(uow_factory)
    results = await asyncio.gather(
        *(confirm.execute(paid(f"p{n}", f"evt-{n}"), b"{}") for n in range(20))
    )
    assert {r.outcome for r in results} == {ConfirmationOutcome.CREDITED}
    async with uow_factory() as uow:
        stored = await uow.subscriptions.get_by_customer(CustomerId(1))
    assert stored is not None
    start = T0 + timedelta(days=30) if existing else T0
    assert stored.expires_at == start + timedelta(days=20 * 30)
