"""initial schema

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("code", name=op.f("uq_campaigns_code")),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("visibility", sa.String(length=32), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("durations", sa.JSON(), nullable=False),
        sa.Column("traffic_limit_bytes", sa.BigInteger(), nullable=False),
        sa.Column("traffic_reset", sa.String(length=16), nullable=False),
        sa.Column("device_limit", sa.Integer(), nullable=True),
        sa.Column("internal_squads", sa.JSON(), nullable=False),
        sa.Column("external_squad", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
    )
    op.create_table(
        "promo_codes",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("max_activations", sa.Integer(), nullable=True),
        sa.Column("activations", sa.Integer(), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("plan_ids", sa.JSON(), nullable=False),
        sa.Column("new_customers_only", sa.Boolean(), nullable=False),
        sa.Column("reservation_minutes", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "activations >= 0 AND (max_activations IS NULL OR activations <= max_activations)",
            name=op.f("ck_promo_codes_activations_within_limit"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promo_codes")),
        sa.UniqueConstraint("code", name=op.f("uq_promo_codes_code")),
    )
    op.create_table(
        "provider_events",
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=255), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("payment_ref", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("provider", "event_id", name=op.f("pk_provider_events")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("referral_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("first_name", sa.String(length=128), nullable=True),
        sa.Column("referred_by", sa.BigInteger(), nullable=True),
        sa.Column("campaign_id", sa.String(length=64), nullable=True),
        sa.Column("is_banned", sa.Boolean(), nullable=False),
        sa.Column("terms_accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("has_used_trial", sa.Boolean(), nullable=False),
        sa.Column("has_paid", sa.Boolean(), nullable=False),
        sa.Column("blocked_bot", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_customers_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["referred_by"], ["customers.id"], name=op.f("fk_customers_referred_by_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("referral_code", name=op.f("uq_customers_referral_code")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("plan_id", sa.String(length=64), nullable=False),
        sa.Column("plan_name", sa.String(length=128), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("list_price_minor", sa.BigInteger(), nullable=False),
        sa.Column("price_minor", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("discount_percent", sa.Integer(), nullable=False),
        sa.Column("promo_code_id", sa.String(length=64), nullable=True),
        sa.Column("traffic_limit_bytes", sa.BigInteger(), nullable=False),
        sa.Column("traffic_reset", sa.String(length=16), nullable=False),
        sa.Column("device_limit", sa.Integer(), nullable=True),
        sa.Column("internal_squads", sa.JSON(), nullable=False),
        sa.Column("external_squad", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_orders_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
    )
    op.create_table(
        "promo_activations",
        sa.Column("promo_code_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("activated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reserved_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("plan_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_promo_activations_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["promo_code_id"],
            ["promo_codes.id"],
            name=op.f("fk_promo_activations_promo_code_id_promo_codes"),
        ),
        sa.PrimaryKeyConstraint("promo_code_id", "customer_id", name=op.f("pk_promo_activations")),
    )
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("plan_id", sa.String(length=64), nullable=True),
        sa.Column("is_trial", sa.Boolean(), nullable=False),
        sa.Column("panel_user_ref", sa.String(length=64), nullable=True),
        sa.Column("subscription_url", sa.String(length=512), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("traffic_limit_bytes", sa.BigInteger(), nullable=False),
        sa.Column("traffic_reset", sa.String(length=16), nullable=False),
        sa.Column("device_limit", sa.Integer(), nullable=True),
        sa.Column("internal_squads", sa.JSON(), nullable=False),
        sa.Column("external_squad", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_subscriptions_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.UniqueConstraint("customer_id", name=op.f("uq_subscriptions_customer_id")),
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=8), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("provider_payment_id", sa.String(length=128), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refunded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checkout_url", sa.String(length=1024), nullable=True),
        sa.CheckConstraint("amount_minor > 0", name=op.f("ck_payments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_payments_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_payments_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("order_id", name=op.f("uq_payments_order_id")),
        sa.UniqueConstraint("provider", "provider_payment_id", name="uq_payments_provider_id"),
    )
    op.create_table(
        "provisioning_jobs",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("subscription_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payment_id", sa.String(length=64), nullable=True),
        sa.Column("reset_traffic", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_provisioning_jobs_subscription_id_subscriptions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provisioning_jobs")),
    )
    op.create_table(
        "referral_rewards",
        sa.Column("payment_id", sa.String(length=64), nullable=False),
        sa.Column("inviter_id", sa.BigInteger(), nullable=False),
        sa.Column("invitee_id", sa.BigInteger(), nullable=False),
        sa.Column("inviter_days", sa.Integer(), nullable=False),
        sa.Column("invitee_days", sa.Integer(), nullable=False),
        sa.Column("reversed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invitee_id"], ["customers.id"], name=op.f("fk_referral_rewards_invitee_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["inviter_id"], ["customers.id"], name=op.f("fk_referral_rewards_inviter_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_referral_rewards_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("payment_id", name=op.f("pk_referral_rewards")),
    )


def downgrade() -> None:
    op.drop_table("referral_rewards")
    op.drop_table("provisioning_jobs")
    op.drop_table("payments")
    op.drop_table("subscriptions")
    op.drop_table("promo_activations")
    op.drop_table("orders")
    op.drop_table("customers")
    op.drop_table("provider_events")
    op.drop_table("promo_codes")
    op.drop_table("plans")
    op.drop_table("campaigns")
