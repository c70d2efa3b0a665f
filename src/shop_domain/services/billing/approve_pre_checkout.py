"""Answer Telegram's pre-checkout question: may this in-chat invoice be paid now?

Telegram asks before it takes the customer's Stars and wants the answer within 10 seconds,
so this is one read and no provider call. "Yes" only when the invoice payload names a pending
Telegram-invoice payment of this customer, its checkout has not expired, and the amount and
currency are exactly the order's. Every "no" leaves the customer's money untouched.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import timedelta

from shop_domain.errors import InvalidMoneyError, PaymentMethodNotAvailableError
from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.clock import Clock
from shop_domain.ports.payment_gateway import CheckoutKind, PaymentGateways
from shop_domain.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory

logger = logging.getLogger(__name__)

MAX_PAYLOAD_LENGTH = 128  # Telegram's limit for an invoice payload


class PreCheckoutVerdict(enum.StrEnum):
    APPROVED = "approved"
    UNKNOWN_ORDER = "unknown_order"  # no such payment, not an in-chat invoice, or not yours
    NOT_PAYABLE = "not_payable"  # already paid, failed, held or refunded; or customer banned
    EXPIRED = "expired"  # older than the checkout TTL: the customer should check out again
    AMOUNT_MISMATCH = "amount_mismatch"


@dataclass(frozen=True, slots=True)
class PreCheckoutRequest:
    customer_id: CustomerId
    invoice_payload: str
    currency: str
    total_amount: int  # in the currency's smallest units, as Telegram sends it


@dataclass(frozen=True, slots=True)
class PreCheckoutDecision:
    verdict: PreCheckoutVerdict
    payment_id: PaymentId | None = None

    @property
    def ok(self) -> bool:
        return self.verdict is PreCheckoutVerdict.APPROVED


class ApprovePreCheckout:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        gateways: PaymentGateways,
        policy: ShopPolicy,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._gateways = gateways
        self._policy = policy

    async def execute(self, request: PreCheckoutRequest) -> PreCheckoutDecision:
        async with self._uow_factory() as uow:
            decision = await self._decide(uow, request)
        log = logger.info if decision.ok else logger.warning
        log(
            "pre_checkout_answered",
            extra={"payment_id": decision.payment_id, "verdict": decision.verdict.value},
        )
        return decision

    async def _decide(self, uow: UnitOfWork, request: PreCheckoutRequest) -> PreCheckoutDecision:
        payload = request.invoice_payload
        if not payload or len(payload) > MAX_PAYLOAD_LENGTH:
            return PreCheckoutDecision(PreCheckoutVerdict.UNKNOWN_ORDER)
        payment = await uow.payments.get(PaymentId(payload))
        if payment is None or not self._is_invoice(payment, request.customer_id):
            return PreCheckoutDecision(PreCheckoutVerdict.UNKNOWN_ORDER)
        verdict = await self._check(uow, payment, request)
        return PreCheckoutDecision(verdict, payment.id)

    def _is_invoice(self, payment: Payment, customer_id: CustomerId) -> bool:
        if payment.customer_id != customer_id:
            return False  # a forwarded invoice: only its owner may pay it
        try:
            gateway = self._gateways.get(payment.provider)
        except PaymentMethodNotAvailableError:
            return False
        return gateway.capabilities.checkout_kind is CheckoutKind.TELEGRAM_INVOICE

    async def _check(
        self, uow: UnitOfWork, payment: Payment, request: PreCheckoutRequest
    ) -> PreCheckoutVerdict:
        if payment.status is not PaymentStatus.PENDING:
            return PreCheckoutVerdict.NOT_PAYABLE
        customer = await uow.customers.get(payment.customer_id)
        if customer is None or customer.is_banned:
            return PreCheckoutVerdict.NOT_PAYABLE
        ttl = timedelta(minutes=self._policy.checkout_ttl_minutes)
        if payment.created_at + ttl < self._clock.now():
            return PreCheckoutVerdict.EXPIRED
        order = await uow.orders.get(payment.order_id)
        try:
            offered = Money.from_minor(request.total_amount, request.currency)
        except InvalidMoneyError:
            return PreCheckoutVerdict.AMOUNT_MISMATCH
        if order is None or not order.matches(offered):
            return PreCheckoutVerdict.AMOUNT_MISMATCH
        return PreCheckoutVerdict.APPROVED
