"""Which Stripe events mean what for a payment, and how our id is found in each.

| event                                     | kind       | our id from                         |
|-------------------------------------------|------------|-------------------------------------|
| checkout.session.completed, paid          | PAID       | client_reference_id / metadata      |
| checkout.session.completed, unpaid        | PENDING    | (a delayed method: wait for the next)|
| checkout.session.async_payment_succeeded  | PAID       | client_reference_id / metadata      |
| checkout.session.async_payment_failed     | FAILED     | client_reference_id / metadata      |
| checkout.session.expired                  | EXPIRED    | client_reference_id / metadata      |
| charge.refunded (whole charge)            | REFUNDED   | charge metadata, else its PaymentIntent |
| charge.dispute.created                    | CHARGEBACK | the disputed PaymentIntent's metadata |

A partial refund (`refunded: false`) is reported as PENDING: the domain reverses whole
payments only. Any other type is refused as malformed: subscribe the endpoint to these only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Final

from shop_adapters.payments.money_codecs import from_minor_units
from shop_adapters.payments.providers.stripe.payloads import (
    METADATA_KEY,
    Charge,
    Dispute,
    Event,
    Session,
)
from shop_domain.model.ids import PaymentId
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import NotificationKind, PaymentNotification

PROVIDER: Final = "stripe"
SESSION_EVENTS: Final = {
    "checkout.session.async_payment_succeeded": NotificationKind.PAID,
    "checkout.session.async_payment_failed": NotificationKind.FAILED,
    "checkout.session.expired": NotificationKind.EXPIRED,
}
#: Looks up our payment id in a PaymentIntent's metadata (an API call).
RefResolver = Callable[[str], Awaitable[str | None]]


def session_notification(
    event_id: str, kind: NotificationKind, session: Session, *, is_test: bool
) -> PaymentNotification:
    amount = None
    if session.amount_total is not None and session.currency is not None:
        amount = from_minor_units(session.amount_total, session.currency)
    ref = session.payment_ref()
    return PaymentNotification(
        provider=PROVIDER,
        event_id=event_id,
        kind=kind,
        payment_ref=PaymentId(ref) if ref else None,
        provider_payment_id=session.id,
        amount=amount,
        is_test=is_test,
    )


async def notification_for(event: Event, resolve: RefResolver) -> PaymentNotification:
    """Raises ValueError (made malformed by the caller's guard) for an unknown type."""
    is_test = not event.livemode
    obj = event.data["object"]
    if event.type == "checkout.session.completed":
        session = Session.model_validate(obj)
        paid = session.payment_status == "paid"
        kind = NotificationKind.PAID if paid else NotificationKind.PENDING
        return session_notification(event.id, kind, session, is_test=is_test)
    if event.type in SESSION_EVENTS:
        session = Session.model_validate(obj)
        return session_notification(event.id, SESSION_EVENTS[event.type], session, is_test=is_test)
    if event.type == "charge.refunded":
        charge = Charge.model_validate(obj)
        kind = NotificationKind.REFUNDED if charge.refunded else NotificationKind.PENDING
        ref = charge.metadata.get(METADATA_KEY) or await _resolved(resolve, charge.payment_intent)
        amount = from_minor_units(charge.amount_refunded, charge.currency)
        return _reversal(event, kind, ref, charge.payment_intent, amount)
    if event.type == "charge.dispute.created":
        dispute = Dispute.model_validate(obj)
        ref = await _resolved(resolve, dispute.payment_intent)
        amount = from_minor_units(dispute.amount, dispute.currency)
        return _reversal(event, NotificationKind.CHARGEBACK, ref, dispute.payment_intent, amount)
    raise ValueError(f"unsubscribed Stripe event type {event.type!r}")


async def _resolved(resolve: RefResolver, payment_intent: str | None) -> str | None:
    return None if payment_intent is None else await resolve(payment_intent)


def _reversal(
    event: Event, kind: NotificationKind, ref: str | None, intent: str | None, amount: Money
) -> PaymentNotification:
    return PaymentNotification(
        provider=PROVIDER,
        event_id=event.id,
        kind=kind,
        payment_ref=PaymentId(ref) if ref else None,
        provider_payment_id=intent,
        amount=amount,
        is_test=not event.livemode,
    )
