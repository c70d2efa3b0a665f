"""The payment gateway port and the lookup of enabled gateways.

Adapters see raw bytes and headers, never a web framework's request, and speak only in
domain types. See ../shared/contracts/payments.md §12 for the design notes.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment


class CheckoutKind(enum.StrEnum):
    REDIRECT_URL = "redirect_url"
    TELEGRAM_INVOICE = "telegram_invoice"  # Stars: an invoice in the chat
    TELEGRAM_LINK = "telegram_link"  # a t.me link (CryptoPay)


class ConfirmationKind(enum.StrEnum):
    WEBHOOK_SIGNED = "webhook_signed"
    WEBHOOK_UNSIGNED_NEEDS_REFETCH = "webhook_unsigned_needs_refetch"
    BOT_UPDATE = "bot_update"


class RefundSupport(enum.StrEnum):
    API = "api"
    MANUAL = "manual"


class NotificationKind(enum.StrEnum):
    PAID = "paid"
    PENDING = "pending"
    FAILED = "failed"
    EXPIRED = "expired"
    REFUNDED = "refunded"
    CHARGEBACK = "chargeback"


@dataclass(frozen=True, slots=True)
class GatewayCapabilities:
    checkout_kind: CheckoutKind
    confirmation: ConfirmationKind
    currencies: frozenset[str]
    refund: RefundSupport
    partial_refund: bool = False
    supports_status_query: bool = True
    needs_pre_checkout_answer: bool = False


@dataclass(frozen=True, slots=True)
class CheckoutRequest:
    order: Order
    payment_id: PaymentId  # our reference, passed to the provider as metadata
    customer_id: CustomerId
    description: str
    return_url: str | None = None
    language: str = "ru"


@dataclass(frozen=True, slots=True)
class Checkout:
    provider_payment_id: str | None
    url: str | None = None
    invoice_payload: str | None = None  # Stars: goes into sendInvoice
    expires_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class InboundRequest:
    method: str
    path: str
    headers: Mapping[str, str]  # lower-case names
    query: Mapping[str, str]
    body: bytes
    peer_ip: str | None = None  # from the trusted proxy only


@dataclass(frozen=True, slots=True)
class PaymentNotification:
    """A verified provider event, normalised."""

    provider: str
    event_id: str  # dedupe key
    kind: NotificationKind
    payment_ref: PaymentId | None  # our id, from the provider's metadata
    provider_payment_id: str | None
    amount: Money | None
    is_test: bool = False


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/plain"
    headers: Mapping[str, str] = field(default_factory=dict)


class PaymentGateway(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def capabilities(self) -> GatewayCapabilities: ...

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        """Idempotent per payment id (provider idempotency keys derive from it)."""
        ...

    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        """Verify and parse; raise NotificationUntrustedError or NotificationMalformedError."""
        ...

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        """The exact success reply the provider expects, sent only after the commit."""
        ...

    async def fetch_status(self, payment: Payment) -> PaymentNotification | None: ...

    async def refund(
        self, payment: Payment, amount: Money | None, idempotency_key: str
    ) -> None: ...


class PaymentGateways(Protocol):
    def get(self, name: str) -> PaymentGateway:
        """Raise PaymentMethodNotAvailableError for an unknown or disabled provider."""
        ...

    def offered_for(self, currency: str) -> Sequence[PaymentGateway]:
        """Enabled gateways taking `currency`, in the operator's button order."""
        ...
