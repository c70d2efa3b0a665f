"""Stripe wired to FakeStripe, for the shared checklist."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime

import httpx

from shop_adapters.payments.providers.stripe import StripeConfig, StripeGateway
from shop_domain.model.orders import Order
from shop_domain.ports.payment_gateway import Checkout, InboundRequest
from tests.fakes.payments.stripe import HOST, NOW, FakeStripe
from tests.fakes.payments.stripe_events import WEBHOOK_SECRET, StripeEvents
from tests.integration.payments.harness import make_order
from tests.unit.fakes import FixedClock

COMPLETED = "checkout.session.completed"
OTHER_SECRET = "whsec_anotherEndpoint"  # noqa: S105 - a test credential


class StripeHarness:
    has_idempotency_key = True
    create_is_idempotent = True

    def __init__(self, *, test_mode: bool = True, attempts: int = 3) -> None:
        self.fake = FakeStripe(livemode=not test_mode)
        key = "sk_test_51FakeKey" if test_mode else "sk_live_51FakeKey"
        self.fake.secret_key = key
        self.events = StripeEvents(self.fake)
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.fake.app))
        self.clock = FixedClock(datetime.fromtimestamp(NOW, UTC))
        self.config = StripeConfig(
            secret_key=key,
            webhook_secret=WEBHOOK_SECRET,
            success_url="https://t.me/vpn_shop_bot",
            test_mode=test_mode,
            currencies=frozenset({"RUB", "USD", "EUR"}),
            api_base=HOST,
        )
        self.gateway = StripeGateway(self.client, self.config, self.clock)

    def order(self) -> Order:
        return make_order()

    def idempotency_keys(self) -> list[str]:
        return [
            r.headers["idempotency-key"]
            for r in self.fake.app.requests
            if r.path == "/v1/checkout/sessions" and "idempotency-key" in r.headers
        ]

    def pay(self, checkout: Checkout) -> None:
        self.fake.complete(str(checkout.provider_payment_id))

    def paid_notification(self, checkout: Checkout) -> InboundRequest:
        session_id = str(checkout.provider_payment_id)
        if self.fake.sessions[session_id]["status"] != "complete":
            self.fake.complete(session_id)
        return self.events.deliver(self.events.session_event(COMPLETED, session_id))

    def forged_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        genuine = self.paid_notification(checkout)
        body = genuine.body
        stale, future = NOW - 301, NOW + 301
        return {
            "wrong endpoint secret": self.events.deliver(body, secret=OTHER_SECRET),
            "no signature header": InboundRequest("POST", "/payments/stripe", {}, {}, body),
            "no v1": self.events.deliver(body, header=f"t={NOW},v0={'0' * 64}"),
            "no timestamp": self.events.deliver(body, header=f"v1={'a' * 64}"),
            "stale timestamp": self.events.deliver(body, timestamp=stale),
            "future timestamp": self.events.deliver(body, timestamp=future),
            "timestamp swapped": self.events.deliver(
                body, header=genuine.headers["stripe-signature"].replace(f"t={NOW}", f"t={NOW + 1}")
            ),
            "event of the other mode": self.events.deliver(
                self.events.event(
                    COMPLETED,
                    self.fake.snapshot(session_id(checkout)),
                    livemode=not self.fake.livemode,
                )
            ),
        }

    def tampered_amount(self, checkout: Checkout) -> InboundRequest:
        genuine = self.paid_notification(checkout)
        tampered = genuine.body.replace(b'"amount_total": 19900', b'"amount_total": 100')
        assert tampered != genuine.body
        return self.events.deliver(tampered, header=genuine.headers["stripe-signature"])

    def signed(self, body: bytes) -> InboundRequest:
        return self.events.deliver(body)

    def signed_fields(self, fields: Mapping[str, str]) -> InboundRequest:
        return self.events.deliver(json.dumps(dict(fields)).encode())

    def malformed_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        session = self.fake.snapshot(session_id(checkout)) | {"payment_status": "paid"}
        return {
            "not JSON": self.signed(b"\xff\xfe not json"),
            "no data": self.signed(b'{"id":"evt_1","type":"x","livemode":false}'),
            "unsubscribed type": self.signed(self.events.event("customer.created", {"id": "c"})),
            "amount as string": self.signed(
                self.events.event(COMPLETED, session | {"amount_total": "19900"})
            ),
            "amount as float": self.signed(
                self.events.event(COMPLETED, session | {"amount_total": 199.0})
            ),
            "unknown currency": self.signed(
                self.events.event(COMPLETED, session | {"currency": "zzz"})
            ),
            "references disagree": self.signed(
                self.events.event(COMPLETED, session | {"client_reference_id": "other"})
            ),
            "livemode as string": self.signed(
                self.events.session_event(COMPLETED, session_id(checkout))
                .replace(b'"livemode": false', b'"livemode": "false"')
                .replace(b'"livemode": true', b'"livemode": "true"')
            ),
        }

    def expected_ack(self, checkout: Checkout) -> bytes:
        return b'{"received":true}'

    async def aclose(self) -> None:
        await self.client.aclose()


def session_id(checkout: Checkout) -> str:
    return str(checkout.provider_payment_id)
