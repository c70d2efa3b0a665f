"""What the shared gateway checklist needs from each provider: a `GatewayHarness`.

A harness owns an adapter wired to its provider's fake (through `httpx.ASGITransport`) and
knows how to drive the fake: let the customer pay, and build valid, forged, tampered and
malformed notifications. Adding a provider to the checklist means writing one harness
module and listing it in conftest.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Protocol

from shop_domain.model.ids import CustomerId, OrderId, PaymentId, PlanId
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.plans import AccessLimits
from shop_domain.ports.payment_gateway import (
    Checkout,
    CheckoutRequest,
    InboundRequest,
    PaymentGateway,
)

CREATED_AT = datetime(2026, 11, 18, 18, 0, tzinfo=UTC)


class GatewayHarness(Protocol):
    @property
    def gateway(self) -> PaymentGateway: ...

    #: The provider takes an idempotency key on create (and it must derive from our id).
    has_idempotency_key: bool
    #: Creating twice for one payment id yields one provider payment.
    create_is_idempotent: bool

    def order(self) -> Order:
        """An order in a currency the gateway takes."""
        ...

    def idempotency_keys(self) -> list[str]:
        """Idempotency keys the fake received on create, in order."""
        ...

    def pay(self, checkout: Checkout) -> None:
        """The customer opens the checkout and pays; the provider records it."""
        ...

    def paid_notification(self, checkout: Checkout) -> InboundRequest:
        """The provider's genuine 'paid' notification (pays first if needed)."""
        ...

    def forged_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        """Requests that must be refused as untrusted: wrong secret, no signature, ..."""
        ...

    def tampered_amount(self, checkout: Checkout) -> InboundRequest:
        """The paid notification with a different amount, as an attacker would send it."""
        ...

    def signed(self, body: bytes) -> InboundRequest:
        """`body` delivered with valid authentication, so parsing is reached (fuzzing)."""
        ...

    def signed_fields(self, fields: Mapping[str, str]) -> InboundRequest:
        """For form providers: arbitrary fields, correctly signed; JSON providers may
        encode them as a JSON object."""
        ...

    def malformed_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        """Authentic requests whose content is unusable."""
        ...

    def expected_ack(self, checkout: Checkout) -> bytes: ...

    async def aclose(self) -> None: ...


def make_order(amount: str = "199.00", currency: str = "RUB") -> Order:
    price = Money(Decimal(amount), currency)
    return Order(
        id=OrderId("order-1"),
        customer_id=CustomerId(42),
        plan_id=PlanId("plan-month"),
        plan_name="VPN month",
        days=30,
        list_price=price,
        price=price,
        limits=AccessLimits(),
        created_at=CREATED_AT,
    )


def checkout_request(order: Order, payment_id: str = "pay0123456789abcdef") -> CheckoutRequest:
    return CheckoutRequest(
        order=order,
        payment_id=PaymentId(payment_id),
        customer_id=order.customer_id,
        description=f"{order.plan_name} ({order.days} days)",
        return_url="https://t.me/vpn_shop_bot",
    )


def payment_for(request: CheckoutRequest, checkout: Checkout, provider: str) -> Payment:
    return Payment(
        id=request.payment_id,
        order_id=request.order.id,
        customer_id=request.customer_id,
        provider=provider,
        amount=request.order.price,
        status=PaymentStatus.PENDING,
        created_at=CREATED_AT,
        provider_payment_id=checkout.provider_payment_id,
        checkout_url=checkout.url,
    )
