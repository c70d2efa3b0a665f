"""The hot queries use their indexes on PostgreSQL (roadmap 3.2), checked with EXPLAIN.

Sequential scans are switched off for the session so the planner shows which index it would
use; a query without a usable index still falls back to a Seq Scan and fails the test.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

HOT_QUERIES = {
    "customer by telegram id": ("SELECT * FROM customers WHERE id = 42", "pk_customers"),
    "customer by referral code": (
        "SELECT * FROM customers WHERE referral_code = 'R0000042'",
        "uq_customers_referral_code",
    ),
    "customer by username": (
        "SELECT * FROM customers WHERE lower(username) = 'user42' LIMIT 1",
        "ix_customers_username_lower",
    ),
    "referrals of a customer": (
        "SELECT count(*) FROM customers WHERE referred_by = 42",
        "ix_customers_referred_by",
    ),
    "subscription of a customer": (
        "SELECT * FROM subscriptions WHERE customer_id = 42",
        "uq_subscriptions_customer_id",
    ),
    "subscriptions expiring in a window": (
        "SELECT * FROM subscriptions WHERE expires_at >= now() AND expires_at < now() + "
        "interval '1 day' ORDER BY expires_at LIMIT 100",
        "ix_subscriptions_expires_at",
    ),
    "pending payments older than N": (
        "SELECT * FROM payments WHERE status = 'pending' AND created_at < now() - "
        "interval '30 minutes' ORDER BY created_at LIMIT 100",
        "ix_payments_status_created_at",
    ),
    "payments of a customer": (
        "SELECT * FROM payments WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 10",
        "ix_payments_customer_created_at",
    ),
    "payment by provider id": (
        "SELECT * FROM payments WHERE provider = 'fakepay' AND provider_payment_id = 'x'",
        "uq_payments_provider_id",
    ),
    "outbox entries due": (
        "SELECT * FROM provisioning_jobs WHERE done_at IS NULL AND next_attempt_at <= now() "
        "ORDER BY next_attempt_at, created_at LIMIT 100",
        "ix_provisioning_jobs_due",
    ),
    "reserved promo discounts of a customer": (
        "SELECT * FROM promo_activations WHERE customer_id = 42 AND status = 'reserved'",
        "ix_promo_activations_customer_status",
    ),
}


SEED = [
    "INSERT INTO customers (id, language, referral_code, created_at, username, referred_by,"
    " is_banned, has_used_trial, has_paid, blocked_bot) SELECT g, 'ru', 'R' || lpad(g::text, 7,"
    " '0'), now(), 'user' || g, CASE WHEN g > 1 THEN g / 2 END, false, g % 3 = 0, g % 2 = 0,"
    " false FROM generate_series(1, 5000) g",
    "INSERT INTO subscriptions (id, customer_id, expires_at, status, is_trial, version,"
    " traffic_limit_bytes, traffic_reset, internal_squads) SELECT 's' || g, g, now() +"
    " (g % 90) * interval '1 day', 'active', false, 1, 0, 'NO_RESET', '[]' FROM"
    " generate_series(1, 5000) g",
    "INSERT INTO promo_codes (id, code, kind, value, created_at, activations, plan_ids,"
    " new_customers_only, reservation_minutes, is_active) VALUES ('c1', 'SALE',"
    " 'discount_percent', 10, now(), 0, '[]', false, 30, true)",
    "INSERT INTO promo_activations (promo_code_id, customer_id, kind, value, status,"
    " activated_at, plan_ids) SELECT 'c1', g, 'discount_percent', 10, CASE WHEN g % 10 = 0"
    " THEN 'reserved' ELSE 'used' END, now(), '[]' FROM generate_series(1, 5000) g",
    "ANALYZE",
]


@pytest.mark.parametrize("name", sorted(HOT_QUERIES))
async def test_hot_query_uses_its_index(name: str, postgresql_engine: AsyncEngine) -> None:
    query, index = HOT_QUERIES[name]
    async with postgresql_engine.begin() as connection:
        for statement in SEED:
            await connection.execute(text(statement))
    async with postgresql_engine.connect() as connection:
        await connection.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(row[0] for row in await connection.execute(text(f"EXPLAIN {query}")))
    assert index in plan, plan
    assert "Seq Scan" not in plan, plan
