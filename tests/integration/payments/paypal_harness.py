"""PayPal wired to FakePayPal, for the shared checklist."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime

import httpx

from shop_adapters.payments.providers.paypal import PayPalConfig, PayPalGateway
from shop_domain.model.orders import Order
from shop_domain.ports.payment_gateway import Checkout, InboundRequest
from tests.fakes.payments.paypal import HOST, FakePayPal
from tests.fakes.payments.paypal_webhooks import WEBHOOK_ID, PayPalWebhooks
from tests.integration.payments.harness import make_order
from tests.unit.fakes import FixedClock

NOW = datetime(2026, 11, 18, 18, 0, tzinfo=UTC)


class PayPalHarness:
    has_idempotency_key = True
    create_is_idempotent = True

    def __init__(
        self,
        *,
        currency: str = "USD",
        amount: str = "10.00",
        currencies: frozenset[str] = frozenset({"USD", "EUR", "JPY"}),
    ) -> None:
        self.fake = FakePayPal()
        self.webhooks = PayPalWebhooks(self.fake)
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.fake.app))
        self.clock = FixedClock(NOW)
        self.config = PayPalConfig(
            client_id=self.fake.client_id,
            client_secret=self.fake.client_secret,
            webhook_id=WEBHOOK_ID,
            return_url="https://t.me/vpn_shop_bot",
            sandbox=True,
            currencies=currencies,
            api_base=HOST,
        )
        self.gateway = PayPalGateway(self.client, self.config, self.clock)
        self.currency, self.amount = currency, amount

    def order(self) -> Order:
        return make_order(self.amount, self.currency)

    def idempotency_keys(self) -> list[str]:
        return [
            r.headers["paypal-request-id"]
            for r in self.fake.app.requests
            if r.path == "/v2/checkout/orders" and "paypal-request-id" in r.headers
        ]

    def pay(self, checkout: Checkout) -> None:
        self.fake.approve(str(checkout.provider_payment_id))  # the shop captures on its side

    def paid_notification(self, checkout: Checkout) -> InboundRequest:
        return self.webhooks.deliver(self.webhooks.capture_completed(_order_id(checkout)))

    def forged_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        body = self.webhooks.capture_completed(_order_id(checkout))
        deliver = self.webhooks.deliver
        genuine = deliver(body)
        headers = dict(genuine.headers)
        return {
            "someone else's key": deliver(body, key=b"attacker"),
            "signed for another listener": deliver(body, webhook_id="5GP028458E2496506"),
            "no headers": InboundRequest("POST", "/payments/paypal", {}, {}, body),
            "no signature": InboundRequest(
                "POST",
                "/",
                {k: v for k, v in headers.items() if k != "paypal-transmission-sig"},
                {},
                body,
            ),
            "cert on the attacker's host": deliver(body, cert_url="https://evil.example/cert"),
            "cert host that only ends like PayPal's": deliver(
                body, cert_url="https://api.evilpaypal.com/cert"
            ),
            "cert over http": deliver(body, cert_url="http://api.paypal.com/cert"),
            "cert PayPal did not issue": deliver(body, cert_url=f"{HOST}/v1/certs/CERT-forged"),
            "other algorithm": deliver(body, auth_algo="SHA1withRSA"),
            "older than the retry window": deliver(body, time="2026-11-10T18:00:00Z"),
            "from the future": deliver(body, time="2026-11-18T18:10:00Z"),
            "time without zone": deliver(body, time="2026-11-18T18:00:00"),
            "transmission id swapped": deliver(body, transmission_id="another-transmission"),
            "re-serialised body": InboundRequest(
                "POST",
                "/",
                headers,
                {},
                json.dumps(json.loads(body), separators=(",", ":")).encode(),
            ),
        }

    def tampered_amount(self, checkout: Checkout) -> InboundRequest:
        genuine = self.paid_notification(checkout)
        value = f'"value": "{self.amount}"'.encode()
        tampered = genuine.body.replace(value, b'"value": "1"')
        assert tampered != genuine.body
        return InboundRequest("POST", "/payments/paypal", genuine.headers, {}, tampered)

    def signed(self, body: bytes) -> InboundRequest:
        return self.webhooks.deliver(body)

    def signed_fields(self, fields: Mapping[str, str]) -> InboundRequest:
        return self.webhooks.deliver(json.dumps(dict(fields)).encode())

    def malformed_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        order_id = _order_id(checkout)

        def amount(value: object, currency: str = "USD") -> InboundRequest:
            changed = {"amount": {"currency_code": currency, "value": value}}
            return self.signed(self.webhooks.capture_completed(order_id, **changed))

        capture = self.fake.capture_now(order_id)
        return {
            "not JSON": self.signed(b"\xff\xfe not json"),
            "JSON array": self.signed(b"[]"),
            "no resource": self.signed(
                b'{"id": "WH-1", "event_type": "PAYMENT.CAPTURE.COMPLETED"}'
            ),
            "unsubscribed type": self.signed(
                self.webhooks.event("PAYMENT.SALE.COMPLETED", capture, "sale")
            ),
            "id not PayPal's": self.signed(
                self.webhooks.capture_completed(order_id, id="../../v1/oauth2")
            ),
            "float amount": amount(10.0),
            "amount with exponent": amount("1e1"),
            "cent fractions": amount("10.001"),
            "unknown currency": amount("10.00", "ZZZ"),
            "custom_id not a string": self.signed(
                self.webhooks.capture_completed(order_id, custom_id=42)
            ),
        }

    def expected_ack(self, checkout: Checkout) -> bytes:
        return b""

    async def aclose(self) -> None:
        await self.client.aclose()


def _order_id(checkout: Checkout) -> str:
    return str(checkout.provider_payment_id)
