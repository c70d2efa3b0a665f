"""PayPalGateway(PaymentGateway): Orders v2 with our own capture, over a thin httpx client.

- Create: `POST /v2/checkout/orders`, intent CAPTURE, `custom_id` and `invoice_id` = our
  payment id, `PayPal-Request-Id: checkout:<payment id>`; the customer approves at the
  `payer-action` link.
- Capture: server side, with `PayPal-Request-Id: capture:<order id>`, when the customer comes
  back (a GET to `capture_url`), on `CHECKOUT.ORDER.APPROVED`, or when a status query finds
  the order approved. Only a COMPLETED capture is PAID (events.py).
- Webhook: verified by PayPal's verify-webhook-signature API (verification.py); the dedupe
  key is the event id `WH-…`.
- Refund: `POST /v2/payments/captures/{id}/refund` with the caller's key as PayPal-Request-Id.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any, Final

import httpx

from shop_adapters.payments.gateway_identity import GatewayIdentity
from shop_adapters.payments.inbound import malformed_guard
from shop_adapters.payments.money_codecs import to_decimal_string
from shop_adapters.payments.providers.paypal.api import PayPalApi
from shop_adapters.payments.providers.paypal.config import PayPalConfig
from shop_adapters.payments.providers.paypal.events import event_notification, order_notification
from shop_adapters.payments.providers.paypal.payloads import Event, Order, is_resource_id
from shop_adapters.payments.providers.paypal.token import PROVIDER
from shop_adapters.payments.providers.paypal.verification import PayPalVerification
from shop_domain.errors import NotificationUntrustedError, PaymentProviderError
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment
from shop_domain.ports.clock import Clock
from shop_domain.ports.payment_gateway import (
    Acknowledgement,
    Checkout,
    CheckoutKind,
    CheckoutRequest,
    ConfirmationKind,
    GatewayCapabilities,
    InboundRequest,
    PaymentNotification,
    RefundSupport,
)

RETURN_PREFIX: Final = "return:"
_TEXT_MAX: Final = 127


class PayPalGateway(GatewayIdentity):
    def __init__(self, client: httpx.AsyncClient, config: PayPalConfig, clock: Clock) -> None:
        self._config = config
        self._api = PayPalApi(client, config, clock)
        self._verification = PayPalVerification(
            self._api, config.webhook_id, clock, timedelta(seconds=config.max_age_seconds)
        )
        super().__init__(
            PROVIDER,
            GatewayCapabilities(
                checkout_kind=CheckoutKind.REDIRECT_URL,
                confirmation=ConfirmationKind.WEBHOOK_SIGNED,
                currencies=config.currencies,
                refund=RefundSupport.API,
                partial_refund=True,
            ),
        )

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        config, ref = self._config, request.payment_id
        back = request.return_url or config.return_url
        context: dict[str, str] = {
            "return_url": config.capture_url or back,
            "cancel_url": config.cancel_url or back,
            "user_action": "PAY_NOW",
            "shipping_preference": "NO_SHIPPING",
            "locale": "ru-RU" if request.language == "ru" else "en-US",
        }
        if config.brand_name:
            context["brand_name"] = config.brand_name[:_TEXT_MAX]
        unit = {
            "reference_id": request.order.id[:_TEXT_MAX],
            "custom_id": ref,
            "invoice_id": ref,  # PayPal refuses a second capture with the same invoice id
            "description": request.description[:_TEXT_MAX],
            "amount": _amount(request.order.price),
        }
        body = {
            "intent": "CAPTURE",
            "purchase_units": [unit],
            "payment_source": {"paypal": {"experience_context": context}},
        }
        order = await self._api.create_order(body, f"checkout:{ref}")
        url = order.link("payer-action", "approve")
        if url is None:
            raise PaymentProviderError(f"paypal: order {order.id} has no approval link")
        return Checkout(order.id, url=url)

    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        if request.method.upper() == "GET":
            return await self._returned(request.query.get("token", ""))
        await self._verification.verify(request.headers, request.body)
        with malformed_guard("PayPal event"):
            event = Event.model_validate_json(request.body)
            return await event_notification(
                event.event_type, event.id, event.resource, self._api, is_test=self._config.sandbox
            )

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        if notification.event_id.startswith(RETURN_PREFIX):  # the customer's browser
            return Acknowledgement(303, b"", headers={"Location": self._config.return_url})
        return Acknowledgement(200, b"")

    async def fetch_status(self, payment: Payment) -> PaymentNotification | None:
        order = await self._current(payment.provider_payment_id)
        if order is None:
            return None
        return self._order_notification("status:", order)

    async def refund(self, payment: Payment, amount: Money | None, idempotency_key: str) -> None:
        order = await self._current(payment.provider_payment_id)
        captures = (
            order.purchase_units[0].payments.captures if order and order.purchase_units else ()
        )
        if not captures:
            raise PaymentProviderError(f"paypal: nothing was captured for {payment.id}")
        body: dict[str, Any] = {"custom_id": payment.id}
        if amount is not None:
            body["amount"] = _amount(amount)
        refund = await self._api.refund(captures[0].id, body, idempotency_key)
        if refund is not None and refund.status in {"CANCELLED", "FAILED"}:
            raise PaymentProviderError(f"paypal: refund {refund.id} is {refund.status}")

    async def _returned(self, token: str) -> PaymentNotification:
        """The approving customer is back (`?token=<order id>&PayerID=…`): capture now. The
        request proves nothing by itself; everything reported comes from the API."""
        if not is_resource_id(token):
            raise NotificationUntrustedError("a PayPal return without an order token")
        order = await self._current(token)
        if order is None:
            raise NotificationUntrustedError("PayPal knows no such order")
        return self._order_notification(RETURN_PREFIX, order)

    async def _current(self, order_id: str | None) -> Order | None:
        """The order as PayPal has it now, captured first if the customer approved it."""
        if order_id is None:
            return None
        if not is_resource_id(order_id):  # never let a stored value shape the URL path
            raise PaymentProviderError(f"paypal: {order_id!r} is not an order id")
        order = await self._api.order(order_id)
        if order is not None and order.status == "APPROVED":
            order = await self._api.capture(order_id)
        return order

    def _order_notification(self, prefix: str, order: Order) -> PaymentNotification:
        """The order as a notification whose dedupe key names its state."""
        try:
            found = order_notification(prefix, order, is_test=self._config.sandbox)
        except ValueError as error:
            raise PaymentProviderError(f"paypal: unreadable order {order.id}") from error
        return replace(found, event_id=f"{prefix}{order.id}:{found.kind}")


def _amount(money: Money) -> dict[str, str]:
    return {"currency_code": money.currency, "value": to_decimal_string(money)}
