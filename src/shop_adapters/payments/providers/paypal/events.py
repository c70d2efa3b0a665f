"""Which PayPal webhooks mean what, and where our id is in each (credit ONLY on a capture).

| event                       | what the shop does                         | kind              |
|-----------------------------|--------------------------------------------|-------------------|
| CHECKOUT.ORDER.APPROVED     | captures the order (server side)           | from the capture  |
| PAYMENT.CAPTURE.COMPLETED   | -                                          | PAID              |
| PAYMENT.CAPTURE.PENDING     | -                                          | PENDING           |
| PAYMENT.CAPTURE.DENIED      | -                                          | FAILED            |
| PAYMENT.CAPTURE.REFUNDED    | reads the capture: whole or partial refund | REFUNDED/PENDING  |
| PAYMENT.CAPTURE.REVERSED    | -                                          | CHARGEBACK        |

Approval alone is never payment: the capture's own status decides (COMPLETED is PAID,
PENDING waits for PAYMENT.CAPTURE.COMPLETED). Our id is the purchase unit's `custom_id`,
copied by PayPal onto the capture. Any other event type is refused as malformed: subscribe
the webhook to these only.
"""

from __future__ import annotations

from typing import Any, Final

from shop_adapters.payments.money_codecs import from_decimal_string
from shop_adapters.payments.providers.paypal.api import PayPalApi
from shop_adapters.payments.providers.paypal.payloads import (
    Amount,
    Capture,
    Order,
    Refund,
    is_resource_id,
)
from shop_adapters.payments.providers.paypal.token import PROVIDER
from shop_domain.errors import NotificationUntrustedError
from shop_domain.model.ids import PaymentId
from shop_domain.ports.payment_gateway import NotificationKind, PaymentNotification

CAPTURE_KINDS: Final = {
    "COMPLETED": NotificationKind.PAID,
    "PENDING": NotificationKind.PENDING,
    "DECLINED": NotificationKind.FAILED,
    "FAILED": NotificationKind.FAILED,
}
_CAPTURE_EVENTS: Final = {
    "PAYMENT.CAPTURE.COMPLETED": NotificationKind.PAID,
    "PAYMENT.CAPTURE.PENDING": NotificationKind.PENDING,
    "PAYMENT.CAPTURE.DENIED": NotificationKind.FAILED,
    "PAYMENT.CAPTURE.REVERSED": NotificationKind.CHARGEBACK,
}


def notification(
    event_id: str,
    kind: NotificationKind,
    *,
    ref: str | None,
    order_id: str | None,
    amount: Amount,
    is_test: bool,
) -> PaymentNotification:
    return PaymentNotification(
        provider=PROVIDER,
        event_id=event_id,
        kind=kind,
        payment_ref=PaymentId(ref) if ref else None,
        provider_payment_id=order_id,
        amount=from_decimal_string(amount.value, amount.currency_code),
        is_test=is_test,
    )


def order_notification(event_id: str, order: Order, *, is_test: bool) -> PaymentNotification:
    """What an order says: its capture decides; an order not captured yet is PENDING."""
    if len(order.purchase_units) != 1:
        raise ValueError("a shop order has exactly one purchase unit")
    unit = order.purchase_units[0]
    captures = unit.payments.captures
    kind = CAPTURE_KINDS.get(captures[0].status) if captures else NotificationKind.PENDING
    amount = captures[0].amount if captures else unit.amount
    if kind is None or amount is None:
        raise ValueError(f"order {order.id} in an unusable state")
    ref = captures[0].custom_id if captures and captures[0].custom_id else unit.custom_id
    return notification(event_id, kind, ref=ref, order_id=order.id, amount=amount, is_test=is_test)


async def event_notification(
    event_type: str, event_id: str, resource: dict[str, Any], api: PayPalApi, *, is_test: bool
) -> PaymentNotification:
    """Raises ValueError (made malformed by the caller's guard) for an unknown type."""
    if event_type == "CHECKOUT.ORDER.APPROVED":
        captured = await api.capture(Order.model_validate(resource).id)
        if captured is None:
            raise NotificationUntrustedError("PayPal knows no such order")
        return order_notification(event_id, captured, is_test=is_test)
    if event_type in _CAPTURE_EVENTS:
        capture = Capture.model_validate(resource)
        return notification(
            event_id,
            _CAPTURE_EVENTS[event_type],
            ref=capture.custom_id,
            order_id=capture.supplementary_data.related_ids.order_id,
            amount=capture.amount,
            is_test=is_test,
        )
    if event_type == "PAYMENT.CAPTURE.REFUNDED":
        return await _refunded(event_id, Refund.model_validate(resource), api, is_test=is_test)
    raise ValueError(f"unsubscribed PayPal event type {event_type!r}")


async def _refunded(
    event_id: str, refund: Refund, api: PayPalApi, *, is_test: bool
) -> PaymentNotification:
    up = next((link.href for link in refund.links if link.rel == "up"), "")
    capture_id = up.rstrip("/").rsplit("/", 1)[-1]
    if not is_resource_id(capture_id):
        raise ValueError("the refund does not link to its capture")
    capture = await api.capture_of(capture_id)
    if capture is None:
        raise NotificationUntrustedError("PayPal knows no such capture")
    whole = capture.status == "REFUNDED"
    return notification(
        event_id,
        NotificationKind.REFUNDED if whole else NotificationKind.PENDING,
        ref=capture.custom_id,
        order_id=capture.supplementary_data.related_ids.order_id,
        amount=refund.amount,
        is_test=is_test,
    )
