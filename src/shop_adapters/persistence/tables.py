"""The schema. Money is integer minor units plus a currency code, never FLOAT; every
timestamp is timezone-aware UTC. See docs/data-model.md for why each constraint exists."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shop_adapters.persistence.column_types import UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime(), list[Any]: JSON}  # noqa: RUF012


class LimitsColumns:
    """AccessLimits, flattened."""

    traffic_limit_bytes: Mapped[int] = mapped_column(BigInteger)
    traffic_reset: Mapped[str] = mapped_column(String(16))
    device_limit: Mapped[int | None]
    internal_squads: Mapped[list[Any]]
    external_squad: Mapped[str | None] = mapped_column(String(64))


class CampaignRow(Base):
    __tablename__ = "campaigns"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime]
    is_active: Mapped[bool]


class CustomerRow(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str] = mapped_column(String(8))
    referral_code: Mapped[str] = mapped_column(String(32), unique=True)
    created_at: Mapped[datetime]
    username: Mapped[str | None] = mapped_column(String(64))
    first_name: Mapped[str | None] = mapped_column(String(128))
    referred_by: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("customers.id"))
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"))
    is_banned: Mapped[bool]
    terms_accepted_at: Mapped[datetime | None]
    has_used_trial: Mapped[bool]
    has_paid: Mapped[bool]
    blocked_bot: Mapped[bool]
    __table_args__ = (
        Index("ix_customers_referred_by", "referred_by"),
        Index("ix_customers_campaign_id", "campaign_id"),
        Index("ix_customers_username_lower", func.lower(username)),
    )


class PlanRow(LimitsColumns, Base):
    """Durations and prices live in one JSON column: the catalogue is read whole, per plan,
    in one query, and the prices inside are integers in minor units."""

    __tablename__ = "plans"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    description: Mapped[str]
    visibility: Mapped[str] = mapped_column(String(32))
    sort_order: Mapped[int]
    durations: Mapped[list[Any]]


class SubscriptionRow(LimitsColumns, Base):
    __tablename__ = "subscriptions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # One subscription per customer: two concurrent first purchases cannot create two.
    customer_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("customers.id"), unique=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(16))
    plan_id: Mapped[str | None] = mapped_column(String(64))
    is_trial: Mapped[bool]
    panel_user_ref: Mapped[str | None] = mapped_column(String(64))
    subscription_url: Mapped[str | None] = mapped_column(String(512))
    version: Mapped[int]


class OrderRow(LimitsColumns, Base):
    __tablename__ = "orders"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("customers.id"), index=True)
    plan_id: Mapped[str] = mapped_column(String(64))
    plan_name: Mapped[str] = mapped_column(String(128))
    days: Mapped[int]
    currency: Mapped[str] = mapped_column(String(8))
    list_price_minor: Mapped[int] = mapped_column(BigInteger)
    price_minor: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    discount_percent: Mapped[int]
    promo_code_id: Mapped[str | None] = mapped_column(String(64))


class PaymentRow(Base):
    __tablename__ = "payments"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), unique=True)
    customer_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("customers.id"))
    provider: Mapped[str] = mapped_column(String(32))
    currency: Mapped[str] = mapped_column(String(8))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    provider_payment_id: Mapped[str | None] = mapped_column(String(128))
    paid_at: Mapped[datetime | None]
    refunded_at: Mapped[datetime | None]
    checkout_url: Mapped[str | None] = mapped_column(String(1024))
    __table_args__ = (
        # One provider payment credits one of our payments, whatever signals arrive.
        UniqueConstraint("provider", "provider_payment_id", name="uq_payments_provider_id"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        Index("ix_payments_status_created_at", "status", "created_at"),
        Index("ix_payments_customer_created_at", "customer_id", "created_at"),
        Index("ix_payments_paid_at", "paid_at"),
    )


class ProviderEventRow(Base):
    """The inbox: a replayed webhook hits the primary key and is recognised."""

    __tablename__ = "provider_events"
    provider: Mapped[str] = mapped_column(String(32), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    received_at: Mapped[datetime]
    body: Mapped[bytes] = mapped_column(LargeBinary)
    verified: Mapped[bool]
    outcome: Mapped[str] = mapped_column(String(16))
    payment_ref: Mapped[str | None] = mapped_column(String(64))


class PromoCodeRow(Base):
    __tablename__ = "promo_codes"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[int]
    created_at: Mapped[datetime]
    max_activations: Mapped[int | None]
    activations: Mapped[int]
    valid_until: Mapped[datetime | None]
    plan_ids: Mapped[list[Any]]
    new_customers_only: Mapped[bool]
    reservation_minutes: Mapped[int]
    is_active: Mapped[bool]
    __table_args__ = (
        # The activation limit holds in the database even if a caller forgets to check it.
        CheckConstraint(
            "activations >= 0 AND (max_activations IS NULL OR activations <= max_activations)",
            name="activations_within_limit",
        ),
    )


class PromoActivationRow(Base):
    """One activation per (code, customer), enforced by the primary key."""

    __tablename__ = "promo_activations"
    promo_code_id: Mapped[str] = mapped_column(ForeignKey("promo_codes.id"), primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("customers.id"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    activated_at: Mapped[datetime]
    reserved_until: Mapped[datetime | None]
    plan_ids: Mapped[list[Any]]
    __table_args__ = (
        Index("ix_promo_activations_customer_status", "customer_id", "status"),
        Index("ix_promo_activations_status_reserved_until", "status", "reserved_until"),
    )


class ReferralRewardRow(Base):
    __tablename__ = "referral_rewards"
    payment_id: Mapped[str] = mapped_column(ForeignKey("payments.id"), primary_key=True)
    inviter_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("customers.id"), index=True)
    invitee_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("customers.id"))
    inviter_days: Mapped[int]
    invitee_days: Mapped[int]
    reversed: Mapped[bool]


class ProvisioningJobRow(Base):
    """The outbox: panel pushes recorded with the change that caused them."""

    __tablename__ = "provisioning_jobs"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    subscription_id: Mapped[str] = mapped_column(ForeignKey("subscriptions.id"))
    customer_id: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime]
    payment_id: Mapped[str | None] = mapped_column(String(64))
    reset_traffic: Mapped[bool]
    attempts: Mapped[int]
    done_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (Index("ix_provisioning_jobs_due", "done_at", "next_attempt_at"),)


class BroadcastRow(Base):
    __tablename__ = "broadcasts"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime]
    text: Mapped[str]
    media_kind: Mapped[str] = mapped_column(String(16))
    media_file_id: Mapped[str | None] = mapped_column(String(256))
    buttons: Mapped[list[Any]]
    audience: Mapped[str] = mapped_column(String(16))
    audience_language: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), index=True)
    total: Mapped[int]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class BroadcastDeliveryRow(Base):
    """One row per recipient: the broadcast's progress, so a crash resumes without duplicates."""

    __tablename__ = "broadcast_deliveries"
    broadcast_id: Mapped[str] = mapped_column(ForeignKey("broadcasts.id"), primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime]
    __table_args__ = (
        Index("ix_broadcast_deliveries_status", "broadcast_id", "status", "customer_id"),
    )


def table_of(row: type[Base]) -> Table:
    """The Core table behind a row class, typed for insert/update/select statements."""
    table = row.__table__
    if not isinstance(table, Table):  # pragma: no cover - every row class maps one table
        raise TypeError(row.__name__)
    return table
