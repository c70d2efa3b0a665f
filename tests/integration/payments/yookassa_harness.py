"""YooKassa wired to FakeYooKassa, for the shared checklist."""

from __future__ import annotations

import json
from collections.abc import Mapping

import httpx

from shop_adapters.payments.providers.yookassa import YooKassaConfig, YooKassaGateway
from shop_domain.model.orders import Order
from shop_domain.ports.payment_gateway import Checkout, InboundRequest
from tests.fakes.payments.yookassa import HOST, FakeYooKassa
from tests.integration.payments.harness import make_order

UNKNOWN_PAYMENT = "2d7e1b5a-000f-5000-9000-ffffffffffff"


class YooKassaHarness:
    has_idempotency_key = True
    create_is_idempotent = True

    def __init__(self, *, test_mode: bool = True) -> None:
        key = "test_FakeSecretKey" if test_mode else "live_FakeSecretKey"
        self.fake = FakeYooKassa(secret_key=key)
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.fake.app))
        self.config = YooKassaConfig(
            shop_id=self.fake.shop_id,
            secret_key=key,
            return_url="https://t.me/vpn_shop_bot",
            test_mode=test_mode,
            currencies=frozenset({"RUB", "USD"}),
            api_base=HOST,
        )
        self.gateway = YooKassaGateway(self.client, self.config)

    def order(self) -> Order:
        return make_order()

    def idempotency_keys(self) -> list[str]:
        return [
            r.headers["idempotence-key"]
            for r in self.fake.app.requests
            if r.path == "/v3/payments" and "idempotence-key" in r.headers
        ]

    def pay(self, checkout: Checkout) -> None:
        self.fake.pay(str(checkout.provider_payment_id))

    def paid_notification(self, checkout: Checkout) -> InboundRequest:
        return self.fake.deliver(self.fake.succeeded_body(str(checkout.provider_payment_id)))

    def _succeeded(self, checkout: Checkout, **changes: object) -> bytes:
        self.fake.succeeded_body(str(checkout.provider_payment_id))
        obj = self.fake.snapshot(str(checkout.provider_payment_id)) | changes
        return self.fake.notification_body("payment.succeeded", obj)

    def forged_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        body = self._succeeded(checkout)
        metadata = {"payment_id": "someone-elses-payment", "order_id": "order-1"}
        return {
            "foreign sender": self.fake.deliver(body, peer_ip="203.0.113.7"),
            "foreign IPv6 sender": self.fake.deliver(body, peer_ip="2001:db8::1"),
            "no sender address": self.fake.deliver(body, peer_ip=None),
            "payment YooKassa does not know": self.fake.deliver(
                self._succeeded(checkout, id=UNKNOWN_PAYMENT)
            ),
            "our id swapped": self.fake.deliver(self._succeeded(checkout, metadata=metadata)),
            "currency swapped": self.fake.deliver(
                self._succeeded(checkout, amount={"value": "199.00", "currency": "USD"})
            ),
        }

    def tampered_amount(self, checkout: Checkout) -> InboundRequest:
        return self.fake.deliver(
            self._succeeded(checkout, amount={"value": "1.00", "currency": "RUB"})
        )

    def signed(self, body: bytes) -> InboundRequest:
        return self.fake.deliver(body)

    def signed_fields(self, fields: Mapping[str, str]) -> InboundRequest:
        return self.fake.deliver(json.dumps(dict(fields)).encode())

    def malformed_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        def amount(value: object, currency: str = "RUB") -> InboundRequest:
            return self.signed(
                self._succeeded(checkout, amount={"value": value, "currency": currency})
            )

        obj = self.fake.snapshot(str(checkout.provider_payment_id))
        return {
            "not JSON": self.signed(b"\xff\xfe not json"),
            "JSON array": self.signed(b"[]"),
            "not a notification": self.signed(b'{"type":"error","event":"payment.succeeded"}'),
            "unknown event": self.signed(self.fake.notification_body("payment.expired", obj)),
            "id not YooKassa's": self.signed(self._succeeded(checkout, id="../../v3/refunds")),
            "unknown status": self.signed(self._succeeded(checkout, status="paid")),
            "float amount": amount(199.0),
            "amount with exponent": amount("1.99e2"),
            "kopeck fractions": amount("199.001"),
            "unknown currency": amount("199.00", "ZZZ"),
            "paid as string": self.signed(self._succeeded(checkout, paid="true")),
        }

    def expected_ack(self, checkout: Checkout) -> bytes:
        return b""

    async def aclose(self) -> None:
        await self.client.aclose()
