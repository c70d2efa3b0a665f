"""A YooKassa notification: unsigned, so it is only a hint to ask the API (contract §2).

Checks, in order: the sender IP (fail-closed); the body's shape; then the object is fetched
from the API with our credentials, and only **that** answer's status, amount and metadata
are used. A body that names an object YooKassa does not know, or whose amount, currency or
our id differ from the API's, is untrusted (a forgery or a tampered replay). A payment
whose `test` flag does not match the mode is untrusted too. The dedupe key is
`<object id>:<status as fetched>`, so a replay of an old notification is a no-op.
"""

from __future__ import annotations

from typing import Final

from shop_adapters.payments.inbound import malformed_guard
from shop_adapters.payments.ip_allowlist import IpAllowList
from shop_adapters.payments.money_codecs import from_decimal_string
from shop_adapters.payments.providers.yookassa.api import PROVIDER, YooKassaApi
from shop_adapters.payments.providers.yookassa.payloads import (
    Amount,
    Notification,
    Payment,
    Refund,
)
from shop_domain.errors import NotificationUntrustedError, PaymentProviderError
from shop_domain.model.ids import PaymentId
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import (
    InboundRequest,
    NotificationKind,
    PaymentNotification,
)

_KINDS: Final = {
    "pending": NotificationKind.PENDING,
    "waiting_for_capture": NotificationKind.PENDING,  # we always create with capture: true
    "succeeded": NotificationKind.PAID,
}


def payment_kind(payment: Payment) -> NotificationKind:
    if payment.status != "canceled":
        return _KINDS[payment.status]
    details = payment.cancellation_details
    expired = details is not None and details.reason == "expired_on_confirmation"
    return NotificationKind.EXPIRED if expired else NotificationKind.FAILED


def payment_notification(payment: Payment, event_id: str) -> PaymentNotification:
    """Raises PaymentProviderError if YooKassa's own object is unusable."""
    ref = payment.payment_ref()
    return PaymentNotification(
        provider=PROVIDER,
        event_id=event_id,
        kind=payment_kind(payment),
        payment_ref=PaymentId(ref) if ref else None,
        provider_payment_id=payment.id,
        amount=_money(payment.amount),
        is_test=payment.test,
    )


class YooKassaNotifications:
    def __init__(self, api: YooKassaApi, senders: IpAllowList, *, test_mode: bool) -> None:
        self._api = api
        self._senders = senders
        self._test_mode = test_mode

    async def parse(self, request: InboundRequest) -> PaymentNotification:
        self._senders.require(request.peer_ip)
        with malformed_guard("YooKassa notification"):
            notification = Notification.model_validate_json(request.body)
            if notification.event == "refund.succeeded":
                claimed_refund = Refund.model_validate(notification.object)
            else:
                claimed = Payment.model_validate(notification.object)
                from_decimal_string(claimed.amount.value, claimed.amount.currency)
        if notification.event == "refund.succeeded":
            return await self._refund(claimed_refund)
        payment = await self._api.payment(claimed.id)
        if payment is None:
            raise NotificationUntrustedError("YooKassa knows no such payment")
        if (claimed.amount, claimed.payment_ref()) != (payment.amount, payment.payment_ref()):
            raise NotificationUntrustedError("the notification disagrees with YooKassa's API")
        self._check_mode(payment)
        return payment_notification(payment, f"{payment.id}:{payment.status}")

    async def _refund(self, claimed: Refund) -> PaymentNotification:
        refund = await self._api.refund(claimed.id)
        if refund is None or (refund.payment_id, refund.amount) != (
            claimed.payment_id,
            claimed.amount,
        ):
            raise NotificationUntrustedError("YooKassa knows no such refund")
        payment = await self._api.payment(refund.payment_id)
        if payment is None:
            raise PaymentProviderError("yookassa: a refund of an unknown payment")
        self._check_mode(payment)
        whole = refund.status == "succeeded" and payment.refunded_amount == payment.amount
        notification = payment_notification(payment, f"refund:{refund.id}:{refund.status}")
        return PaymentNotification(
            provider=PROVIDER,
            event_id=notification.event_id,
            kind=NotificationKind.REFUNDED if whole else NotificationKind.PENDING,
            payment_ref=notification.payment_ref,
            provider_payment_id=payment.id,
            amount=_money(refund.amount),
            is_test=payment.test,
        )

    def _check_mode(self, payment: Payment) -> None:
        if payment.test != self._test_mode:
            raise NotificationUntrustedError("the payment's test flag does not match the mode")


def _money(amount: Amount) -> Money:
    try:
        return from_decimal_string(amount.value, amount.currency)
    except ValueError as error:
        raise PaymentProviderError(f"yookassa: unreadable amount {amount.value!r}") from error
