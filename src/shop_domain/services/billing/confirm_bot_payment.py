"""Credit (or reverse) an in-chat invoice payment reported by a bot update.

Telegram Stars has no webhook: `successful_payment` and `refunded_payment` arrive in the bot's
own update stream, which is already authenticated (the bot token for polling, the secret token
for a webhook). They become the same `PaymentNotification` a provider webhook would, and go
through the same `ConfirmPayment` pipeline: the inbox dedupes on the
`telegram_payment_charge_id`, so a payment delivered twice, or also found by reconciliation,
is credited once, and the amount is checked against the order again.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from shop_domain.errors import (
    InvalidMoneyError,
    PaymentMethodNotAvailableError,
    PaymentNotFoundError,
)
from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment
from shop_domain.model.provider_events import EventOutcome, ProviderEvent
from shop_domain.ports.clock import Clock
from shop_domain.ports.payment_gateway import (
    CheckoutKind,
    NotificationKind,
    PaymentGateways,
    PaymentNotification,
)
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.billing.confirm_payment import ConfirmPayment, ConfirmPaymentResult

logger = logging.getLogger(__name__)

ORPHAN_SOURCE = "telegram_invoice"  # inbox source of a paid invoice matching no payment


class BotPaymentKind(enum.StrEnum):
    PAID = "paid"  # successful_payment
    REFUNDED = "refunded"  # refunded_payment


@dataclass(frozen=True, slots=True)
class BotPaymentRequest:
    customer_id: CustomerId
    kind: BotPaymentKind
    invoice_payload: str
    currency: str
    total_amount: int  # smallest units, as Telegram sends it
    charge_id: str  # telegram_payment_charge_id: the dedupe key and the refund handle
    body: bytes  # the service message's payment object, for the audit trail


class ConfirmBotPayment:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        gateways: PaymentGateways,
        confirm_payment: ConfirmPayment,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._gateways = gateways
        self._confirm_payment = confirm_payment

    async def execute(self, request: BotPaymentRequest) -> ConfirmPaymentResult:
        """Raise PaymentNotFoundError when the payload names no in-chat invoice of ours; the
        charge is then kept in the inbox as orphaned for an operator to refund."""
        async with self._uow_factory() as uow:
            payment = await uow.payments.get(PaymentId(request.invoice_payload))
        if payment is None or not self._is_invoice(payment):
            await self._keep_orphan(request)
            raise PaymentNotFoundError(request.invoice_payload)
        is_paid = request.kind is BotPaymentKind.PAID
        notification = PaymentNotification(
            provider=payment.provider,
            event_id=request.charge_id if is_paid else f"refund:{request.charge_id}",
            kind=NotificationKind.PAID if is_paid else NotificationKind.REFUNDED,
            payment_ref=payment.id,
            provider_payment_id=request.charge_id,
            amount=_money(request),  # None (unreadable) makes ConfirmPayment hold it
        )
        return await self._confirm_payment.execute(notification, request.body)

    def _is_invoice(self, payment: Payment) -> bool:
        try:
            gateway = self._gateways.get(payment.provider)
        except PaymentMethodNotAvailableError:
            return False
        return gateway.capabilities.checkout_kind is CheckoutKind.TELEGRAM_INVOICE

    async def _keep_orphan(self, request: BotPaymentRequest) -> None:
        event = ProviderEvent(
            provider=ORPHAN_SOURCE,
            event_id=f"{request.kind.value}:{request.charge_id}",
            received_at=self._clock.now(),
            body=request.body,
            verified=True,
            outcome=EventOutcome.ORPHANED,
        )
        async with self._uow_factory() as uow:
            if await uow.provider_events.record(event):
                await uow.commit()
        logger.error(
            "bot_payment_without_order",
            extra={"kind": request.kind.value, "customer_id": request.customer_id},
        )


def _money(request: BotPaymentRequest) -> Money | None:
    try:
        return Money.from_minor(request.total_amount, request.currency)
    except InvalidMoneyError:
        return None
