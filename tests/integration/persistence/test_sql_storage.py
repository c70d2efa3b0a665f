"""What only the SQL stores promise (the in-memory fake has no schema): constraint violations
are told apart from lost races, timestamps are aware UTC ordered by instant, money is exact."""

from __future__ import annotations

import socket
import sqlite3
from dataclasses import replace
from datetime import timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import create_engine, session_factory
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.errors import ConcurrentUpdateError, StorageError
from shop_domain.model.ids import CustomerId, PaymentId, SubscriptionId
from shop_domain.model.money import Money
from tests.integration.persistence.conftest import UowFactory
from tests.integration.persistence.records import T0, customer, order, payment, subscription

PLUS_3 = timezone(timedelta(hours=3))
PLUS_5 = timezone(timedelta(hours=5))


@pytest.fixture(params=["sqlite", "postgresql"])
def sql_uow_factory(request: pytest.FixtureRequest) -> UowFactory:
    engine: AsyncEngine = request.getfixturevalue(f"{request.param}_engine")
    return SqlAlchemyUnitOfWorkFactory(session_factory(engine))


async def test_a_foreign_key_violation_is_not_mistaken_for_a_lost_race(
    sql_uow_factory: UowFactory,
) -> None:
    """Callers read ConcurrentUpdateError as 'someone else did it'; a bug must not read so."""
    async with sql_uow_factory() as uow:
        with pytest.raises(StorageError) as caught:
            await uow.orders.add(order("o1", customer_id=404))
    assert not isinstance(caught.value, ConcurrentUpdateError)


async def test_a_zero_amount_payment_is_refused_by_the_database(
    sql_uow_factory: UowFactory,
) -> None:
    async with sql_uow_factory() as uow:
        await uow.customers.add(customer(1))
        await uow.orders.add(order("o1", 1))
        with pytest.raises(StorageError) as caught:
            await uow.payments.add(payment("p1", "o1", 1, amount=Money.zero("RUB")))
    assert not isinstance(caught.value, ConcurrentUpdateError)


async def test_a_duplicate_key_is_a_lost_race(sql_uow_factory: UowFactory) -> None:
    async with sql_uow_factory() as uow:
        await uow.customers.add(customer(1))
        with pytest.raises(ConcurrentUpdateError):
            await uow.customers.add(customer(1))


async def test_timestamps_come_back_aware_utc_and_order_by_instant(
    sql_uow_factory: UowFactory,
) -> None:
    # 02:00 at +05:00 is 21:00 UTC: earlier than 22:00 UTC, although its wall clock is later.
    east = replace(subscription(1), expires_at=(T0 + timedelta(hours=9)).astimezone(PLUS_5))
    west = replace(subscription(2), expires_at=T0 + timedelta(hours=10))
    async with sql_uow_factory() as uow:
        await uow.customers.add(customer(1, created_at=T0.astimezone(PLUS_3)))
        await uow.customers.add(customer(2))
        await uow.subscriptions.add_many([west, east])
        await uow.commit()
    async with sql_uow_factory() as uow:
        stored = await uow.customers.get(CustomerId(1))
        window = await uow.subscriptions.expiring_between(T0, T0 + timedelta(hours=10), 10)
        both = await uow.subscriptions.expiring_between(T0, T0 + timedelta(days=1), 10)
    assert stored is not None
    assert stored.created_at == T0
    assert stored.created_at.utcoffset() == timedelta(0)
    assert [s.id for s in window] == [SubscriptionId("s1")]
    assert [s.id for s in both] == ["s1", "s2"]


async def test_naive_datetimes_are_refused(sql_uow_factory: UowFactory) -> None:
    async with sql_uow_factory() as uow:
        with pytest.raises(StorageError):
            await uow.customers.add(customer(1, created_at=T0.replace(tzinfo=None)))


async def test_money_is_exact_in_minor_units(sql_uow_factory: UowFactory) -> None:
    beyond_float = Money.from_minor(2**53 + 1, "RUB")  # a float would round this
    stars = Money.of(150, "XTR")
    async with sql_uow_factory() as uow:
        await uow.customers.add(customer(1))
        for name, amount in (("p1", beyond_float), ("p2", stars)):
            await uow.orders.add(order(f"o-{name}", 1))
            await uow.payments.add(payment(name, f"o-{name}", 1, amount=amount))
        await uow.commit()
    async with sql_uow_factory() as uow:
        first = await uow.payments.get(PaymentId("p1"))
        second = await uow.payments.get(PaymentId("p2"))
    assert first is not None
    assert first.amount == beyond_float
    assert second is not None
    assert second.amount == stars


async def test_an_unreachable_database_is_a_storage_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    engine = create_engine(f"postgresql+asyncpg://shop@127.0.0.1:{port}/shop")
    try:
        async with SqlAlchemyUnitOfWorkFactory(session_factory(engine))() as uow:
            with pytest.raises(StorageError):
                await uow.customers.get(CustomerId(1))
    finally:
        await engine.dispose()


def test_an_sqlite_without_returning_is_refused_at_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 34, 1))
    with pytest.raises(StorageError, match="RETURNING"):
        create_engine(f"sqlite+aiosqlite:///{tmp_path / 'shop.sqlite3'}")
