"""The money races at the port itself, on PostgreSQL and on the SQLite file: whatever a use
case does on top, the compare-and-set, the customer lock and the promo counter hold alone."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import session_factory
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.model.ids import CustomerId, PaymentId, PlanId, PromoCodeId
from shop_domain.model.payments import PaymentStatus
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_domain.model.provisioning import ProvisioningReason, provisioning_job
from tests.integration.persistence.records import (
    LIMITS,
    T0,
    customer,
    seed_pending_payment,
    subscription,
)

RACERS = 50


@pytest.fixture(params=["sqlite", "postgresql"])
def uow_factory(request: pytest.FixtureRequest) -> SqlAlchemyUnitOfWorkFactory:
    engine: AsyncEngine = request.getfixturevalue(f"{request.param}_engine")
    return SqlAlchemyUnitOfWorkFactory(session_factory(engine))


async def credit(uow_factory: SqlAlchemyUnitOfWorkFactory, payment_id: str, racer: int) -> bool:
    """One confirmation: CAS the payment to PAID, then lock, extend and queue the panel push."""
    async with uow_factory() as uow:
        paid = await uow.payments.transition(PaymentId(payment_id), PaymentStatus.PAID, T0)
        if paid is None:
            return False
        current = await uow.subscriptions.lock_by_customer(paid.customer_id)
        assert current is not None
        extended = current.extend(days=30, now=T0, plan_id=PlanId("basic"), limits=LIMITS)
        await uow.subscriptions.update(extended)
        job = provisioning_job(
            job_id=f"job-{racer}",
            subscription_id=extended.id,
            customer_id=paid.customer_id,
            reason=ProvisioningReason.PAYMENT,
            now=T0,
            payment_id=paid.id,
        )
        await uow.outbox.add(job)
        await uow.commit()
        return True


async def test_one_payment_confirmed_50_times_credits_once(
    uow_factory: SqlAlchemyUnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        await seed_pending_payment(uow, 1, "p1")
        await uow.subscriptions.add(subscription(1, days=30))
        await uow.commit()
    credited = await asyncio.gather(*(credit(uow_factory, "p1", n) for n in range(RACERS)))
    assert credited.count(True) == 1
    async with uow_factory() as uow:
        stored = await uow.subscriptions.get_by_customer(CustomerId(1))
        jobs = await uow.outbox.due(T0 + timedelta(days=1), 100)
        payment = await uow.payments.get(PaymentId("p1"))
    assert stored is not None
    assert (stored.expires_at, stored.version) == (T0 + timedelta(days=60), 2)
    assert len(jobs) == 1
    assert payment is not None
    assert payment.status is PaymentStatus.PAID


async def test_50_claims_of_a_10_use_code_win_10_times(
    uow_factory: SqlAlchemyUnitOfWorkFactory,
) -> None:
    code = PromoCode(PromoCodeId("c1"), "TEN", PromoKind.BONUS_DAYS, 3, T0, max_activations=10)
    async with uow_factory() as uow:
        await uow.customers.add(customer(1))
        await uow.promo_codes.add(code)
        await uow.commit()

    async def claim() -> bool:
        async with uow_factory() as uow:
            won = await uow.promo_codes.claim_activation(code.id)
            await uow.commit()
            return won

    results = await asyncio.gather(*(claim() for _ in range(RACERS)))
    assert results.count(True) == 10
    async with uow_factory() as uow:
        stored = await uow.promo_codes.get(code.id)
    assert stored is not None
    assert stored.activations == 10
