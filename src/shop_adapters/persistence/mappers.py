"""Explicit conversion between rows and the domain's frozen dataclasses (customers, plans,
subscriptions, campaigns; money-side rows are in billing_mappers.py).

`to_*` functions return column dicts for INSERT/UPDATE statements; `*_from_row` functions
take a result row (attribute access by column name).
"""

from __future__ import annotations

from typing import Any

from shop_adapters.persistence.limits_mapping import limits_from_row, limits_to_columns
from shop_domain.model.campaigns import AdCampaign
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CampaignId, CustomerId, PanelUserRef, PlanId, SubscriptionId
from shop_domain.model.money import Money
from shop_domain.model.plans import DurationOption, Plan, PlanVisibility
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus

Columns = dict[str, Any]


def customer_to_columns(customer: Customer) -> Columns:
    return {
        "id": customer.id,
        "language": customer.language.value,
        "referral_code": customer.referral_code,
        "created_at": customer.created_at,
        "username": customer.username,
        "first_name": customer.first_name,
        "referred_by": customer.referred_by,
        "campaign_id": customer.campaign_id,
        "is_banned": customer.is_banned,
        "terms_accepted_at": customer.terms_accepted_at,
        "has_used_trial": customer.has_used_trial,
        "has_paid": customer.has_paid,
        "blocked_bot": customer.blocked_bot,
    }


def customer_from_row(row: Any) -> Customer:
    return Customer(
        id=CustomerId(row.id),
        language=Language(row.language),
        referral_code=row.referral_code,
        created_at=row.created_at,
        username=row.username,
        first_name=row.first_name,
        referred_by=None if row.referred_by is None else CustomerId(row.referred_by),
        campaign_id=None if row.campaign_id is None else CampaignId(row.campaign_id),
        is_banned=row.is_banned,
        terms_accepted_at=row.terms_accepted_at,
        has_used_trial=row.has_used_trial,
        has_paid=row.has_paid,
        blocked_bot=row.blocked_bot,
    )


def plan_to_columns(plan: Plan) -> Columns:
    durations = [
        {"days": d.days, "prices": {c: m.to_minor() for c, m in sorted(d.prices.items())}}
        for d in plan.durations
    ]
    return {
        "id": plan.id,
        "name": plan.name,
        "description": plan.description,
        "visibility": plan.visibility.value,
        "sort_order": plan.sort_order,
        "durations": durations,
        **limits_to_columns(plan.limits),
    }


def plan_from_row(row: Any) -> Plan:
    durations = tuple(
        DurationOption(
            days=int(item["days"]),
            prices={c: Money.from_minor(int(v), c) for c, v in item["prices"].items()},
        )
        for item in row.durations
    )
    return Plan(
        id=PlanId(row.id),
        name=row.name,
        durations=durations,
        limits=limits_from_row(row),
        visibility=PlanVisibility(row.visibility),
        description=row.description,
        sort_order=row.sort_order,
    )


def subscription_to_columns(subscription: Subscription) -> Columns:
    return {
        "id": subscription.id,
        "customer_id": subscription.customer_id,
        "expires_at": subscription.expires_at,
        "status": subscription.status.value,
        "plan_id": subscription.plan_id,
        "is_trial": subscription.is_trial,
        "panel_user_ref": subscription.panel_user_ref,
        "subscription_url": subscription.subscription_url,
        "version": subscription.version,
        **limits_to_columns(subscription.limits),
    }


def subscription_from_row(row: Any) -> Subscription:
    return Subscription(
        id=SubscriptionId(row.id),
        customer_id=CustomerId(row.customer_id),
        expires_at=row.expires_at,
        limits=limits_from_row(row),
        status=SubscriptionStatus(row.status),
        plan_id=None if row.plan_id is None else PlanId(row.plan_id),
        is_trial=row.is_trial,
        panel_user_ref=None if row.panel_user_ref is None else PanelUserRef(row.panel_user_ref),
        subscription_url=row.subscription_url,
        version=row.version,
    )


def campaign_from_row(row: Any) -> AdCampaign:
    return AdCampaign(
        id=CampaignId(row.id),
        code=row.code,
        name=row.name,
        created_at=row.created_at,
        is_active=row.is_active,
    )
