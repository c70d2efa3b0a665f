"""The hot queries use their indexes on PostgreSQL, checked with EXPLAIN on the SQL the
repositories really send (captured from the driver with its parameters), and each screen's
read is a fixed number of statements (no N+1).

Sequential scans are switched off for the EXPLAIN, so the planner shows which index it would
use; a query without a usable index still falls back to a Seq Scan and fails the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import create_engine, session_factory
from shop_adapters.persistence.migrations_runner import upgrade
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.model.ids import CampaignId, CustomerId, PaymentId, PromoCodeId
from shop_domain.model.payments import PaymentStatus
from shop_domain.ports.unit_of_work import UnitOfWork
from tests.integration.persistence.databases import scratch_database
from tests.integration.persistence.query_plan_seed import seed_statements
from tests.integration.persistence.records import T0

Call = Callable[[UnitOfWork], Awaitable[object]]


@dataclass(frozen=True)
class HotQuery:
    call: Call
    indexes: tuple[str, ...]  # each must appear in the plans
    statements: int = 1


HOUR = timedelta(hours=1)
C42 = CustomerId(42)
HOT_QUERIES: dict[str, HotQuery] = {
    "customer by telegram id": HotQuery(lambda u: u.customers.get(C42), ("pk_customers",)),
    "customer by referral code": HotQuery(
        lambda u: u.customers.get_by_referral_code("R0000042"), ("uq_customers_referral_code",)
    ),
    "customer by username": HotQuery(
        lambda u: u.customers.get_by_username("@User42"), ("ix_customers_username_lower",)
    ),
    "referrals of a customer": HotQuery(
        lambda u: u.customers.count_referrals(C42), ("ix_customers_referred_by",)
    ),
    "subscription of a customer": HotQuery(
        lambda u: u.subscriptions.get_by_customer(C42), ("uq_subscriptions_customer_id",)
    ),
    "subscription locked for a renewal": HotQuery(
        lambda u: u.subscriptions.lock_by_customer(C42),
        ("pk_customers", "uq_subscriptions_customer_id"),
        statements=2,
    ),
    "subscriptions expiring in a window": HotQuery(
        lambda u: u.subscriptions.expiring_between(T0 + 72 * HOUR, T0 + 96 * HOUR, 100),
        ("ix_subscriptions_expires_at",),
    ),
    "pending payments older than N": HotQuery(
        lambda u: u.payments.pending_older_than(T0 - HOUR, 100), ("ix_payments_status_created_at",)
    ),
    "payments of a customer": HotQuery(
        lambda u: u.payments.list_for_customer(C42, 10), ("ix_payments_customer_created_at",)
    ),
    "payment by provider id": HotQuery(
        lambda u: u.payments.get_by_provider_id("fakepay", "prov-42"), ("uq_payments_provider_id",)
    ),
    "payment compare-and-set": HotQuery(
        lambda u: u.payments.transition(PaymentId("p40"), PaymentStatus.PAID, T0), ("pk_payments",)
    ),
    "revenue today": HotQuery(
        lambda u: u.payments.revenue_since(T0 - HOUR), ("ix_payments_paid_at",)
    ),
    "outbox entries due": HotQuery(lambda u: u.outbox.due(T0, 100), ("ix_provisioning_jobs_due",)),
    "reserved discounts of a customer": HotQuery(
        lambda u: u.promo_codes.reserved_for(CustomerId(40)),
        ("ix_promo_activations_customer_status",),
    ),
    "expired reservations": HotQuery(
        lambda u: u.promo_codes.reservations_expired_by(T0, 100),
        ("ix_promo_activations_status_reserved_until",),
    ),
    "promo activation counter": HotQuery(
        lambda u: u.promo_codes.claim_activation(PromoCodeId("c1")), ("pk_promo_codes",)
    ),
    "referral days of an inviter": HotQuery(
        lambda u: u.referral_rewards.total_inviter_days(C42), ("ix_referral_rewards_inviter_id",)
    ),
    "campaign statistics": HotQuery(
        lambda u: u.campaigns.stats(CampaignId("c1")), ("ix_customers_campaign_id",), statements=3
    ),
    "a page of customers": HotQuery(
        lambda u: u.customers.get_many([CustomerId(i) for i in range(1, 101)]), ("pk_customers",)
    ),
    "a page of subscriptions": HotQuery(
        lambda u: u.subscriptions.get_many_by_customers([CustomerId(i) for i in range(1, 101)]),
        ("uq_subscriptions_customer_id",),
    ),
}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded_url(database_url: str) -> AsyncIterator[str]:
    async with scratch_database(database_url, "shop_query_plans") as url:
        await upgrade(url)
        engine = create_engine(url)
        try:
            async with engine.begin() as connection:
                for statement in seed_statements(T0):
                    await connection.execute(statement)
        finally:
            await engine.dispose()
        yield url


@pytest.fixture
async def seeded_engine(seeded_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(seeded_url)
    yield engine
    await engine.dispose()


async def statements_sent(engine: AsyncEngine, call: Call) -> list[tuple[str, Any]]:
    """Run `call` in a unit of work (rolled back) and return what reached the driver."""
    sent: list[tuple[str, Any]] = []

    def capture(*args: Any) -> None:
        _connection, _cursor, statement, parameters, _context, _many = args
        sent.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        async with SqlAlchemyUnitOfWorkFactory(session_factory(engine))() as uow:
            await call(uow)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    return sent


async def explain(engine: AsyncEngine, statement: str, parameters: Any) -> str:
    async with engine.connect() as connection:
        await connection.execute(text("SET enable_seqscan = off"))
        rows = await connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)
        return "\n".join(row[0] for row in rows)


@pytest.mark.parametrize("name", sorted(HOT_QUERIES))
async def test_hot_query_uses_its_index(name: str, seeded_engine: AsyncEngine) -> None:
    hot = HOT_QUERIES[name]
    sent = await statements_sent(seeded_engine, hot.call)
    assert len(sent) == hot.statements, [statement for statement, _ in sent]
    plans = "\n".join([await explain(seeded_engine, *item) for item in sent])
    for index in hot.indexes:
        assert index in plans, plans
    assert "Seq Scan" not in plans, plans


async def test_the_catalogue_is_one_query(seeded_engine: AsyncEngine) -> None:
    """Durations and prices are a JSON column: the plan list never costs a query per plan."""
    sent = await statements_sent(seeded_engine, lambda u: u.plans.list_all())
    assert len(sent) == 1
