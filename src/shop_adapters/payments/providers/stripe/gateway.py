"""StripeGateway(PaymentGateway): Checkout Sessions over Stripe's form-encoded REST API.

- Create: `POST /v1/checkout/sessions` with `client_reference_id` and `metadata[payment_id]`
  = our payment id (copied onto the PaymentIntent, so refunds and disputes find it too) and
  `Idempotency-Key: checkout:<payment id>`. The expiry derives from the order's creation
  time, so a retried create sends identical parameters, as Stripe requires for a key reuse.
- Webhook: `Stripe-Signature` (see signature.py), then `livemode` must match the mode, then
  events.py maps the event. The dedupe key is the event id `evt_…`.
- Status: `GET /v1/checkout/sessions/{id}`. Refund: `POST /v1/refunds` on the session's
  PaymentIntent, with the caller's idempotency key; "already refunded" counts as done.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

import httpx

from shop_adapters.payments.gateway_identity import GatewayIdentity
from shop_adapters.payments.inbound import malformed_guard, require_header
from shop_adapters.payments.money_codecs import to_minor_units
from shop_adapters.payments.providers.stripe.api import StripeApi
from shop_adapters.payments.providers.stripe.config import StripeConfig
from shop_adapters.payments.providers.stripe.events import (
    PROVIDER,
    notification_for,
    session_notification,
)
from shop_adapters.payments.providers.stripe.payloads import METADATA_KEY, Event, Session
from shop_adapters.payments.providers.stripe.signature import HEADER, verify_signature
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
    NotificationKind,
    PaymentNotification,
    RefundSupport,
)

_LOCALES: Final = frozenset({"ru", "en", "de", "fr", "es", "it", "pl", "tr", "uk"})


class StripeGateway(GatewayIdentity):
    def __init__(self, client: httpx.AsyncClient, config: StripeConfig, clock: Clock) -> None:
        self._config = config
        self._clock = clock
        self._api = StripeApi(client, config)
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
        order, ref = request.order, request.payment_id
        expires = order.created_at + timedelta(minutes=self._config.checkout_ttl_minutes)
        form = {
            "mode": "payment",
            "line_items[0][quantity]": "1",
            "line_items[0][price_data][currency]": order.price.currency.lower(),
            "line_items[0][price_data][unit_amount]": str(to_minor_units(order.price)),
            "line_items[0][price_data][product_data][name]": request.description[:250],
            "success_url": request.return_url or self._config.success_url,
            "cancel_url": self._config.cancel_url or self._config.success_url,
            "client_reference_id": ref,
            f"metadata[{METADATA_KEY}]": ref,
            "metadata[order_id]": order.id,
            f"payment_intent_data[metadata][{METADATA_KEY}]": ref,
            "expires_at": str(int(expires.timestamp())),
            "locale": request.language if request.language in _LOCALES else "auto",
        }
        session = await self._api.create_session(form, idempotency_key=f"checkout:{ref}")
        expires_at = datetime.fromtimestamp(session.expires_at, UTC) if session.expires_at else None
        return Checkout(session.id, url=session.url, expires_at=expires_at)

    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        header = require_header(request.headers, HEADER)
        verify_signature(
            header,
            request.body,
            self._config.webhook_secret,
            now=self._clock.now().timestamp(),
            tolerance=self._config.tolerance_seconds,
        )
        with malformed_guard("Stripe event"):
            event = Event.model_validate_json(request.body)
            if event.livemode == self._config.test_mode:
                raise NotificationUntrustedError("the event's livemode does not match the mode")
            return await notification_for(event, self._api.payment_ref_of_intent)

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        return Acknowledgement(200, b'{"received":true}', "application/json")

    async def fetch_status(self, payment: Payment) -> PaymentNotification | None:
        session = await self._session(payment)
        if session is None:
            return None
        if session.status == "complete" and session.payment_status == "paid":
            kind = NotificationKind.PAID
        elif session.status == "expired":
            kind = NotificationKind.EXPIRED
        else:
            kind = NotificationKind.PENDING
        event_id = f"status:{session.id}:{kind}"
        try:
            return session_notification(event_id, kind, session, is_test=self._config.test_mode)
        except ValueError as error:
            raise PaymentProviderError(f"stripe: unreadable session {session.id}") from error

    async def refund(self, payment: Payment, amount: Money | None, idempotency_key: str) -> None:
        session = await self._session(payment)
        if session is None or session.payment_intent is None:
            raise PaymentProviderError(f"stripe: nothing was charged for {payment.id}")
        form = {"payment_intent": session.payment_intent, f"metadata[{METADATA_KEY}]": payment.id}
        if amount is not None:
            form["amount"] = str(to_minor_units(amount))
        await self._api.refund(form, idempotency_key)

    async def _session(self, payment: Payment) -> Session | None:
        if payment.provider_payment_id is None:
            return None
        return await self._api.session(payment.provider_payment_id)
