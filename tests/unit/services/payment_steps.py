"""Steps shared by the billing tests: a checkout, and the provider's notification of it."""

from __future__ import annotations

from shop_domain.model.ids import CustomerId
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import NotificationKind, PaymentNotification
from shop_domain.services.billing.create_checkout import CheckoutResult, CreateCheckoutRequest
from tests.unit.services.shop_harness import BASIC, Shop


async def checkout(
    shop: Shop, customer: int = 1, days: int = 30, provider: str = "fakepay"
) -> CheckoutResult:
    return await shop.checkout.execute(
        CreateCheckoutRequest(CustomerId(customer), BASIC, days, provider)
    )


def notification(
    result: CheckoutResult,
    *,
    kind: NotificationKind = NotificationKind.PAID,
    amount: Money | None = None,
    event_id: str | None = None,
    provider: str = "fakepay",
) -> PaymentNotification:
    return PaymentNotification(
        provider=provider,
        event_id=event_id or f"evt-{result.payment_id}-{kind}",
        kind=kind,
        payment_ref=result.payment_id,
        provider_payment_id=f"prov-{result.payment_id}",
        amount=result.amount if amount is None else amount,
    )
