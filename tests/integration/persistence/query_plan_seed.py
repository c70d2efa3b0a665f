"""A shop of 5,000 customers for the EXPLAIN checks: every table the hot queries read is big
enough that the planner has a choice, and the dates are spread around `:t0` (records.T0)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, TextClause, bindparam, text

ROWS = 5_000

_STATEMENTS = [
    "INSERT INTO campaigns (id, code, name, created_at, is_active)"
    " VALUES ('c1', 'autumn', 'Autumn', :t0, true), ('c2', 'spring', 'Spring', :t0, true)",
    # every 50th customer came from campaign c1; customer g was invited by customer g / 2
    "INSERT INTO customers (id, language, referral_code, created_at, username, referred_by,"
    " campaign_id, is_banned, has_used_trial, has_paid, blocked_bot)"
    " SELECT g, 'ru', 'R' || lpad(g::text, 7, '0'), :t0 - g * interval '1 hour',"
    " 'user' || g, CASE WHEN g > 1 THEN g / 2 END, CASE WHEN g % 50 = 0 THEN 'c1' END,"
    " false, g % 3 = 0, g % 2 = 0, false FROM generate_series(1, :rows) g",
    # expiries spread over 90 days after t0
    "INSERT INTO subscriptions (id, customer_id, expires_at, status, is_trial, version,"
    " traffic_limit_bytes, traffic_reset, internal_squads)"
    " SELECT 's' || g, g, :t0 + (g % 90) * interval '1 day', 'active', false, 1,"
    " 0, 'NO_RESET', '[]' FROM generate_series(1, :rows) g",
    "INSERT INTO orders (id, customer_id, plan_id, plan_name, days, currency, list_price_minor,"
    " price_minor, created_at, discount_percent, traffic_limit_bytes, traffic_reset,"
    " internal_squads) SELECT 'o' || g, g, 'basic', 'Basic', 30, 'RUB', 19990, 19990,"
    " :t0 - g * interval '1 minute', 0, 0, 'NO_RESET', '[]' FROM generate_series(1, :rows) g",
    # one payment a minute before t0; every 20th is still pending, the rest were paid
    "INSERT INTO payments (id, order_id, customer_id, provider, currency, amount_minor, status,"
    " created_at, provider_payment_id, paid_at) SELECT 'p' || g, 'o' || g, g, 'fakepay', 'RUB',"
    " 19990, CASE WHEN g % 20 = 0 THEN 'pending' ELSE 'paid' END,"
    " :t0 - g * interval '1 minute', 'prov-' || g,"
    " CASE WHEN g % 20 <> 0 THEN :t0 - g * interval '1 minute' END"
    " FROM generate_series(1, :rows) g",
    "INSERT INTO referral_rewards (payment_id, inviter_id, invitee_id, inviter_days,"
    " invitee_days, reversed) SELECT 'p' || g, g / 2, g, 7, 3, false"
    " FROM generate_series(2, :rows) g WHERE g % 20 <> 0",
    # the outbox: every 100th job is still waiting
    "INSERT INTO provisioning_jobs (id, subscription_id, customer_id, reason, created_at,"
    " next_attempt_at, payment_id, reset_traffic, attempts, done_at)"
    " SELECT 'j' || g, 's' || g, g, 'payment', :t0 - g * interval '1 minute',"
    " :t0 - g * interval '1 minute', 'p' || g, false, 1,"
    " CASE WHEN g % 100 <> 0 THEN :t0 END FROM generate_series(1, :rows) g",
    "INSERT INTO promo_codes (id, code, kind, value, created_at, activations, plan_ids,"
    " new_customers_only, reservation_minutes, is_active)"
    " VALUES ('c1', 'SALE', 'discount_percent', 10, :t0, 0, '[]', false, 30, true)",
    # every 10th activation is a discount reservation, expiring within the hour around t0
    "INSERT INTO promo_activations (promo_code_id, customer_id, kind, value, status,"
    " activated_at, reserved_until, plan_ids) SELECT 'c1', g, 'discount_percent', 10,"
    " CASE WHEN g % 10 = 0 THEN 'reserved' ELSE 'used' END, :t0 - interval '1 hour',"
    " :t0 + (g % 60 - 30) * interval '1 minute', '[]' FROM generate_series(1, :rows) g",
]


def seed_statements(t0: datetime) -> list[TextClause]:
    """The INSERTs with `t0` and the row count bound; run them, then ANALYZE."""
    statements = []
    for sql in _STATEMENTS:
        statement = text(sql)
        if ":t0" in sql:
            statement = statement.bindparams(bindparam("t0", t0, type_=DateTime(timezone=True)))
        if ":rows" in sql:
            statement = statement.bindparams(rows=ROWS)
        statements.append(statement)
    return [*statements, text("ANALYZE")]
