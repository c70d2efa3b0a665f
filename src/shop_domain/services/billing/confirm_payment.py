"""Credit a verified provider notification exactly once.

One transaction: store the event in the inbox (a replay is recognised by its unique key),
find our payment, compare amount and currency exactly, claim the payment with a
compare-and-set, extend the subscription under a row lock, grant referral bonuses and
record the panel push in the outbox. The panel is called only after the commit.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field

from shop_domain.errors import OrderNotFoundError, PaymentNotFoundError
from shop_domain.events import PaymentHeldForReview, ShopEvent
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.provider_events import EventOutcome, ProviderEvent
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.payment_gateway import NotificationKind, PaymentNotification
from shop_domain.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from shop_domain.services.billing.credit_payment import PaymentCrediting
from shop_domain.services.billing.payment_reversal import reverse_payment
from shop_domain.services.core.provisioning_queue import ProvisioningQueue

logger = logging.getLogger(__name__)


class ConfirmationOutcome(enum.StrEnum):
    CREDITED = "credited"
    DUPLICATE = "duplicate"  # this event was processed before
    ALREADY_CREDITED = "already_credited"  # another signal credited the payment first
    HELD = "held"  # amount or currency mismatch: nothing credited, an operator decides
    FAILED = "failed"
    REFUNDED = "refunded"
    IGNORED = "ignored"


@dataclass(frozen=True, slots=True)
class ConfirmPaymentResult:
    outcome: ConfirmationOutcome
    payment: Payment | None = None
    job_ids: tuple[str, ...] = ()
    events: tuple[ShopEvent, ...] = field(default=())


_FAILURES = {
    NotificationKind.FAILED: PaymentStatus.FAILED,
    NotificationKind.EXPIRED: PaymentStatus.EXPIRED,
}


class ConfirmPayment:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        crediting: PaymentCrediting,
        provisioning: ProvisioningQueue,
        notifier: Notifier,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._crediting = crediting
        self._provisioning = provisioning
        self._notifier = notifier

    async def execute(self, notification: PaymentNotification, body: bytes) -> ConfirmPaymentResult:
        """Raises PaymentNotFoundError when no payment matches yet: the caller answers with a
        retryable error so the provider delivers again (never acknowledge-and-drop)."""
        async with self._uow_factory() as uow:
            event = ProviderEvent(
                provider=notification.provider,
                event_id=notification.event_id,
                received_at=self._clock.now(),
                body=body,
                verified=True,
            )
            if not await uow.provider_events.record(event):
                return ConfirmPaymentResult(ConfirmationOutcome.DUPLICATE)
            payment = await self._find_payment(uow, notification)
            result = await self._apply(uow, notification, payment)
            await uow.provider_events.set_outcome(
                notification.provider, notification.event_id, _OUTCOMES[result.outcome], payment.id
            )
            await uow.commit()
        logger.info(
            "payment_notification_processed",
            extra={"payment_id": payment.id, "outcome": result.outcome.value},
        )
        await self._provisioning.submit(*result.job_ids)
        for shop_event in result.events:
            await self._notifier.notify(shop_event)
        return result

    async def _find_payment(self, uow: UnitOfWork, notification: PaymentNotification) -> Payment:
        payment = None
        if notification.payment_ref is not None:
            payment = await uow.payments.get(notification.payment_ref)
        if payment is None and notification.provider_payment_id is not None:
            payment = await uow.payments.get_by_provider_id(
                notification.provider, notification.provider_payment_id
            )
        if payment is None or payment.provider != notification.provider:
            raise PaymentNotFoundError(notification.payment_ref or "unknown")
        return payment

    async def _apply(
        self, uow: UnitOfWork, notification: PaymentNotification, payment: Payment
    ) -> ConfirmPaymentResult:
        now = self._clock.now()
        kind = notification.kind
        if kind is NotificationKind.PAID:
            return await self._paid(uow, notification, payment)
        if kind in _FAILURES:
            moved = await uow.payments.transition(payment.id, _FAILURES[kind], now)
            outcome = ConfirmationOutcome.FAILED if moved else ConfirmationOutcome.IGNORED
            return ConfirmPaymentResult(outcome, moved or payment)
        if kind in {NotificationKind.REFUNDED, NotificationKind.CHARGEBACK}:
            reversal = await reverse_payment(uow, payment, now)
            if reversal is None:
                return ConfirmPaymentResult(ConfirmationOutcome.IGNORED, payment)
            return ConfirmPaymentResult(
                ConfirmationOutcome.REFUNDED, reversal.payment, reversal.job_ids, reversal.events
            )
        return ConfirmPaymentResult(ConfirmationOutcome.IGNORED, payment)

    async def _paid(
        self, uow: UnitOfWork, notification: PaymentNotification, payment: Payment
    ) -> ConfirmPaymentResult:
        now = self._clock.now()
        order = await uow.orders.get(payment.order_id)
        if order is None:  # pragma: no cover - the foreign key forbids it
            raise OrderNotFoundError(payment.order_id)
        if payment.provider_payment_id is None and notification.provider_payment_id is not None:
            # Telegram Stars learns its charge id only now, and refunds need it.
            await uow.payments.attach_checkout(
                payment.id, notification.provider_payment_id, payment.checkout_url
            )
        received = notification.amount
        if received is None or not order.matches(received):
            held = await uow.payments.transition(payment.id, PaymentStatus.HELD, now)
            if held is None:
                return ConfirmPaymentResult(ConfirmationOutcome.IGNORED, payment)
            logger.warning("payment_amount_mismatch", extra={"payment_id": payment.id})
            event = PaymentHeldForReview(
                payment.customer_id,
                payment.id,
                payment.provider,
                expected=order.price,
                received=received or Money.zero(order.price.currency),
            )
            return ConfirmPaymentResult(ConfirmationOutcome.HELD, held, events=(event,))
        claimed = await uow.payments.transition(payment.id, PaymentStatus.PAID, now)
        if claimed is None:
            return ConfirmPaymentResult(ConfirmationOutcome.ALREADY_CREDITED, payment)
        credit = await self._crediting.credit(uow, claimed, order, now)
        return ConfirmPaymentResult(
            ConfirmationOutcome.CREDITED, claimed, credit.job_ids, credit.events
        )


_OUTCOMES = {
    ConfirmationOutcome.CREDITED: EventOutcome.CREDITED,
    ConfirmationOutcome.DUPLICATE: EventOutcome.IGNORED,
    ConfirmationOutcome.ALREADY_CREDITED: EventOutcome.IGNORED,
    ConfirmationOutcome.HELD: EventOutcome.HELD,
    ConfirmationOutcome.FAILED: EventOutcome.FAILED,
    ConfirmationOutcome.REFUNDED: EventOutcome.REFUNDED,
    ConfirmationOutcome.IGNORED: EventOutcome.IGNORED,
}
