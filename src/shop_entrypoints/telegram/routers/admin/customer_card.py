"""The customer card's text: who they are, their access, payments and referrals."""

from __future__ import annotations

from shop_domain.model.customers import Customer, Language
from shop_domain.model.subscriptions import Subscription
from shop_domain.services.admin.find_customer import CustomerCard
from shop_entrypoints.telegram.formatting import format_date, format_money, format_traffic
from shop_entrypoints.telegram.texts import Texts


def _flags(texts: Texts, lang: Language, customer: Customer) -> str:
    flags = [
        ("adm-flag-banned", customer.is_banned),
        ("adm-flag-blocked-bot", customer.blocked_bot),
        ("adm-flag-paid", customer.has_paid),
        ("adm-flag-trial-used", customer.has_used_trial),
    ]
    shown = [texts.get(lang, message_id) for message_id, on in flags if on]
    return ", ".join(shown) or texts.get(lang, "adm-flag-none")


def _subscription(texts: Texts, lang: Language, subscription: Subscription | None) -> str:
    if subscription is None:
        return texts.get(lang, "adm-card-no-subscription")
    limits = subscription.limits
    traffic = limits.traffic_limit_bytes
    devices = limits.device_limit
    return texts.get(
        lang,
        "adm-card-subscription",
        kind=texts.get(lang, "adm-kind-trial" if subscription.is_trial else "adm-kind-paid"),
        status=texts.get(lang, f"adm-sub-status-{subscription.status.value}"),
        date=format_date(subscription.expires_at, lang),
        traffic=format_traffic(traffic) if traffic else "∞",
        devices=str(devices) if devices else "∞",
    )


def _payments(texts: Texts, lang: Language, card: CustomerCard) -> list[str]:
    if not card.payments:
        return [texts.get(lang, "adm-card-no-payments")]
    lines = [texts.get(lang, "adm-card-payments", count=len(card.payments))]
    for payment in card.payments:
        line = texts.get(
            lang,
            "adm-card-payment",
            date=format_date(payment.paid_at or payment.created_at, lang),
            amount=format_money(payment.amount),
            provider=payment.provider,
            status=texts.get(lang, f"adm-pay-status-{payment.status.value}"),
        )
        lines.append(line)
    return lines


def card_text(texts: Texts, lang: Language, card: CustomerCard) -> str:
    customer = card.customer
    header = texts.get(
        lang,
        "adm-card",
        id=customer.id,
        username=f"@{customer.username}" if customer.username else "—",
        name=customer.first_name or "—",
        language=customer.language.value,
        joined=format_date(customer.created_at, lang),
        flags=_flags(texts, lang, customer),
    )
    referrals = texts.get(
        lang, "adm-card-referrals", count=card.referrals, days=card.referral_days_earned
    )
    parts = [header, _subscription(texts, lang, card.subscription), *_payments(texts, lang, card)]
    return "\n".join([*parts, referrals])
