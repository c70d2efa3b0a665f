"""Indexes for the hot queries (roadmap 3.2)

Each index serves a query named in docs/data-model.md: customers by referral code and username,
referrals of a customer, subscriptions expiring in a window, pending payments older than N,
a customer's payments, revenue by day, promo reservations, and outbox entries due.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch_op:
        batch_op.create_index("ix_customers_campaign_id", ["campaign_id"], unique=False)
        batch_op.create_index("ix_customers_referred_by", ["referred_by"], unique=False)
    with op.batch_alter_table("orders") as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_customer_id"), ["customer_id"], unique=False)
    with op.batch_alter_table("promo_activations") as batch_op:
        batch_op.create_index(
            "ix_promo_activations_customer_status", ["customer_id", "status"], unique=False
        )
        batch_op.create_index(
            "ix_promo_activations_status_reserved_until", ["status", "reserved_until"], unique=False
        )
    with op.batch_alter_table("subscriptions") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subscriptions_expires_at"), ["expires_at"], unique=False
        )
    with op.batch_alter_table("payments") as batch_op:
        batch_op.create_index(
            "ix_payments_customer_created_at", ["customer_id", "created_at"], unique=False
        )
        batch_op.create_index("ix_payments_paid_at", ["paid_at"], unique=False)
        batch_op.create_index(
            "ix_payments_status_created_at", ["status", "created_at"], unique=False
        )
    with op.batch_alter_table("provisioning_jobs") as batch_op:
        batch_op.create_index(
            "ix_provisioning_jobs_due", ["done_at", "next_attempt_at"], unique=False
        )
    with op.batch_alter_table("referral_rewards") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_rewards_inviter_id"), ["inviter_id"], unique=False
        )
    op.create_index("ix_customers_username_lower", "customers", [sa.text("lower(username)")])


def downgrade() -> None:
    op.drop_index("ix_customers_username_lower", table_name="customers")
    with op.batch_alter_table("referral_rewards") as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_rewards_inviter_id"))
    with op.batch_alter_table("provisioning_jobs") as batch_op:
        batch_op.drop_index("ix_provisioning_jobs_due")
    with op.batch_alter_table("payments") as batch_op:
        batch_op.drop_index("ix_payments_status_created_at")
        batch_op.drop_index("ix_payments_paid_at")
        batch_op.drop_index("ix_payments_customer_created_at")
    with op.batch_alter_table("subscriptions") as batch_op:
        batch_op.drop_index(batch_op.f("ix_subscriptions_expires_at"))
    with op.batch_alter_table("promo_activations") as batch_op:
        batch_op.drop_index("ix_promo_activations_status_reserved_until")
        batch_op.drop_index("ix_promo_activations_customer_status")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_customer_id"))
    with op.batch_alter_table("customers") as batch_op:
        batch_op.drop_index("ix_customers_referred_by")
        batch_op.drop_index("ix_customers_campaign_id")
