"""Explicit conversion between rows and the money-side dataclasses: orders, payments, promo
codes, referral rewards, inbox events and outbox jobs."""

from __future__ import annotations

from typing import Any

from shop_adapters.persistence.limits_mapping import limits_from_row, limits_to_columns
from shop_domain.model.ids import (
    CustomerId,
    OrderId,
    PaymentId,
    PlanId,
    PromoCodeId,
    SubscriptionId,
)
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.promo_codes import ActivationStatus, PromoActivation, PromoCode, PromoKind
from shop_domain.model.provider_events import EventOutcome, ProviderEvent
from shop_domain.model.provisioning import ProvisioningJob, ProvisioningReason
from shop_domain.model.referrals import ReferralReward

Columns = dict[str, Any]


def order_to_columns(order: Order) -> Columns:
    return {
        "id": order.id,
        "customer_id": order.customer_id,
        "plan_id": order.plan_id,
        "plan_name": order.plan_name,
        "days": order.days,
        "currency": order.price.currency,
        "list_price_minor": order.list_price.to_minor(),
        "price_minor": order.price.to_minor(),
        "created_at": order.created_at,
        "discount_percent": order.discount_percent,
        "promo_code_id": order.promo_code_id,
        **limits_to_columns(order.limits),
    }


def order_from_row(row: Any) -> Order:
    return Order(
        id=OrderId(row.id),
        customer_id=CustomerId(row.customer_id),
        plan_id=PlanId(row.plan_id),
        plan_name=row.plan_name,
        days=row.days,
        list_price=Money.from_minor(row.list_price_minor, row.currency),
        price=Money.from_minor(row.price_minor, row.currency),
        limits=limits_from_row(row),
        created_at=row.created_at,
        discount_percent=row.discount_percent,
        promo_code_id=None if row.promo_code_id is None else PromoCodeId(row.promo_code_id),
    )


def payment_to_columns(payment: Payment) -> Columns:
    return {
        "id": payment.id,
        "order_id": payment.order_id,
        "customer_id": payment.customer_id,
        "provider": payment.provider,
        "currency": payment.amount.currency,
        "amount_minor": payment.amount.to_minor(),
        "status": payment.status.value,
        "created_at": payment.created_at,
        "provider_payment_id": payment.provider_payment_id,
        "paid_at": payment.paid_at,
        "refunded_at": payment.refunded_at,
        "checkout_url": payment.checkout_url,
    }


def payment_from_row(row: Any) -> Payment:
    return Payment(
        id=PaymentId(row.id),
        order_id=OrderId(row.order_id),
        customer_id=CustomerId(row.customer_id),
        provider=row.provider,
        amount=Money.from_minor(row.amount_minor, row.currency),
        status=PaymentStatus(row.status),
        created_at=row.created_at,
        provider_payment_id=row.provider_payment_id,
        paid_at=row.paid_at,
        refunded_at=row.refunded_at,
        checkout_url=row.checkout_url,
    )


def promo_code_to_columns(code: PromoCode) -> Columns:
    return {
        "id": code.id,
        "code": code.code,
        "kind": code.kind.value,
        "value": code.value,
        "created_at": code.created_at,
        "max_activations": code.max_activations,
        "activations": code.activations,
        "valid_until": code.valid_until,
        "plan_ids": sorted(code.plan_ids),
        "new_customers_only": code.new_customers_only,
        "reservation_minutes": code.reservation_minutes,
        "is_active": code.is_active,
    }


def promo_code_from_row(row: Any) -> PromoCode:
    return PromoCode(
        id=PromoCodeId(row.id),
        code=row.code,
        kind=PromoKind(row.kind),
        value=row.value,
        created_at=row.created_at,
        max_activations=row.max_activations,
        activations=row.activations,
        valid_until=row.valid_until,
        plan_ids=frozenset(PlanId(p) for p in row.plan_ids),
        new_customers_only=row.new_customers_only,
        reservation_minutes=row.reservation_minutes,
        is_active=row.is_active,
    )


def activation_to_columns(activation: PromoActivation) -> Columns:
    return {
        "promo_code_id": activation.promo_code_id,
        "customer_id": activation.customer_id,
        "kind": activation.kind.value,
        "value": activation.value,
        "status": activation.status.value,
        "activated_at": activation.activated_at,
        "reserved_until": activation.reserved_until,
        "plan_ids": sorted(activation.plan_ids),
    }


def activation_from_row(row: Any) -> PromoActivation:
    return PromoActivation(
        promo_code_id=PromoCodeId(row.promo_code_id),
        customer_id=CustomerId(row.customer_id),
        kind=PromoKind(row.kind),
        value=row.value,
        status=ActivationStatus(row.status),
        activated_at=row.activated_at,
        reserved_until=row.reserved_until,
        plan_ids=frozenset(PlanId(p) for p in row.plan_ids),
    )


def reward_to_columns(reward: ReferralReward) -> Columns:
    return {
        "payment_id": reward.payment_id,
        "inviter_id": reward.inviter_id,
        "invitee_id": reward.invitee_id,
        "inviter_days": reward.inviter_days,
        "invitee_days": reward.invitee_days,
        "reversed": reward.reversed,
    }


def reward_from_row(row: Any) -> ReferralReward:
    return ReferralReward(
        payment_id=PaymentId(row.payment_id),
        inviter_id=CustomerId(row.inviter_id),
        invitee_id=CustomerId(row.invitee_id),
        inviter_days=row.inviter_days,
        invitee_days=row.invitee_days,
        reversed=row.reversed,
    )


def event_to_columns(event: ProviderEvent) -> Columns:
    return {
        "provider": event.provider,
        "event_id": event.event_id,
        "received_at": event.received_at,
        "body": event.body,
        "verified": event.verified,
        "outcome": event.outcome.value,
        "payment_ref": event.payment_ref,
    }


def event_from_row(row: Any) -> ProviderEvent:
    return ProviderEvent(
        provider=row.provider,
        event_id=row.event_id,
        received_at=row.received_at,
        body=bytes(row.body),
        verified=row.verified,
        outcome=EventOutcome(row.outcome),
        payment_ref=row.payment_ref,
    )


def job_to_columns(job: ProvisioningJob) -> Columns:
    return {
        "id": job.id,
        "subscription_id": job.subscription_id,
        "customer_id": job.customer_id,
        "reason": job.reason.value,
        "created_at": job.created_at,
        "next_attempt_at": job.next_attempt_at,
        "payment_id": job.payment_id,
        "reset_traffic": job.reset_traffic,
        "attempts": job.attempts,
        "done_at": job.done_at,
        "last_error": job.last_error,
    }


def job_from_row(row: Any) -> ProvisioningJob:
    return ProvisioningJob(
        id=row.id,
        subscription_id=SubscriptionId(row.subscription_id),
        customer_id=CustomerId(row.customer_id),
        reason=ProvisioningReason(row.reason),
        created_at=row.created_at,
        next_attempt_at=row.next_attempt_at,
        payment_id=None if row.payment_id is None else PaymentId(row.payment_id),
        reset_traffic=row.reset_traffic,
        attempts=row.attempts,
        done_at=row.done_at,
        last_error=row.last_error,
    )
