"""CryptoPay wired to FakeCryptoPay, for the shared checklist."""

from __future__ import annotations

import json
from collections.abc import Mapping

import httpx

from shop_adapters.payments.providers.cryptopay import CryptoPayConfig, CryptoPayGateway
from shop_domain.model.orders import Order
from shop_domain.ports.payment_gateway import Checkout, InboundRequest
from tests.fakes.payments.cryptopay import HOST, FakeCryptoPay
from tests.integration.payments.harness import make_order

OTHER_TOKEN = "9999:AAanotherAppToken"  # noqa: S105 - a test credential


class CryptoPayHarness:
    has_idempotency_key = False
    create_is_idempotent = False  # no key in the API: the domain reuses the open checkout

    def __init__(self, currency: str = "RUB") -> None:
        self.fake = FakeCryptoPay()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.fake.app))
        config = CryptoPayConfig(
            token=self.fake.token, currencies=frozenset({"RUB", "USD", "USDT"}), api_base=HOST
        )
        self.gateway = CryptoPayGateway(self.client, config)
        self.currency = currency

    def order(self) -> Order:
        return make_order(currency=self.currency)

    def idempotency_keys(self) -> list[str]:
        return []

    def pay(self, checkout: Checkout) -> None:
        self.fake.pay(int(str(checkout.provider_payment_id)))

    def paid_notification(self, checkout: Checkout) -> InboundRequest:
        return self.fake.deliver(self.fake.paid_update_body(int(str(checkout.provider_payment_id))))

    def forged_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        body = self.fake.paid_update_body(int(str(checkout.provider_payment_id)))
        return {
            "wrong token": self.fake.deliver(body, token=OTHER_TOKEN),
            "no signature": self.fake.deliver_unsigned(body),
            "garbage signature": self.fake.deliver(body, signature="zz" * 32),
            "signature of the key itself": self.fake.deliver(body, signature=self.fake.token),
        }

    def tampered_amount(self, checkout: Checkout) -> InboundRequest:
        body = self.fake.paid_update_body(int(str(checkout.provider_payment_id)))
        genuine = self.fake.deliver(body)
        tampered = body.replace(b'"amount":"199.00"', b'"amount":"1.00"')
        assert tampered != body
        return self.fake.deliver(tampered, signature=genuine.headers["crypto-pay-api-signature"])

    def signed(self, body: bytes) -> InboundRequest:
        return self.fake.deliver(body)

    def signed_fields(self, fields: Mapping[str, str]) -> InboundRequest:
        return self.fake.deliver(json.dumps(dict(fields)).encode())

    def malformed_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        invoice_id = int(str(checkout.provider_payment_id))
        return {
            "not JSON": self.signed(b"{not json"),
            "float amount": self.signed(self.fake.paid_update_body(invoice_id, amount=199.0)),
            "amount with exponent": self.signed(
                self.fake.paid_update_body(invoice_id, amount="1.99e2")
            ),
            "unknown currency": self.signed(
                self.fake.paid_update_body(invoice_id, fiat="XXX", asset="XXX")
            ),
            "invoice still active": self.signed(
                self.fake.paid_update_body(invoice_id, status="active")
            ),
            "no invoice": self.signed(
                b'{"update_id":7,"update_type":"invoice_paid","request_date":"2026-11-20"}'
            ),
            "JSON array": self.signed(b"[]"),
        }

    def expected_ack(self, checkout: Checkout) -> bytes:
        return b"ok"

    async def aclose(self) -> None:
        await self.client.aclose()
