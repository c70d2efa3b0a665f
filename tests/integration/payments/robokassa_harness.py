"""Robokassa wired to FakeRobokassa, for the shared checklist."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import httpx

from shop_adapters.payments.providers.robokassa import RobokassaConfig, RobokassaGateway
from shop_domain.model.orders import Order
from shop_domain.ports.payment_gateway import Checkout, InboundRequest
from tests.fakes.payments.robokassa import HOST, SENDER_IP, FakeRobokassa, digest
from tests.integration.payments.harness import make_order


class RobokassaHarness:
    has_idempotency_key = False
    create_is_idempotent = True  # the URL and InvId derive from our payment id

    def __init__(self, *, test_mode: bool = False, algorithm: str = "md5") -> None:
        self.fake = FakeRobokassa(algorithm=algorithm)
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.fake.app))
        self.test_mode = test_mode
        self.config = RobokassaConfig(
            merchant_login=self.fake.merchant_login,
            password1=self.fake.password1,
            password2=self.fake.password2,
            test_mode=test_mode,
            hash_algorithm=algorithm,
            checkout_url=f"{HOST}/Merchant/Index.aspx",
            service_url=f"{HOST}/Merchant/WebService/Service.asmx",
        )
        self.gateway = RobokassaGateway(self.client, self.config)

    def order(self) -> Order:
        return make_order()

    def idempotency_keys(self) -> list[str]:
        return []

    def _opened(self, checkout: Checkout) -> int:
        return self.fake.open_checkout(str(checkout.url))

    def pay(self, checkout: Checkout) -> None:
        self.fake.pay(self._opened(checkout))

    def paid_notification(self, checkout: Checkout) -> InboundRequest:
        inv_id = self._opened(checkout)
        return self.fake.deliver(self.fake.result_fields(inv_id, is_test=self.test_mode))

    def forged_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        inv_id = self._opened(checkout)
        fields = self.fake.result_fields(inv_id, is_test=self.test_mode)
        unsigned = {k: v for k, v in fields.items() if k not in {"SignatureValue", "crc"}}
        return {
            "password #1 instead of #2": self.fake.deliver(
                self.fake.result_fields(inv_id, password2=self.fake.password1)
            ),
            "wrong password": self.fake.deliver(self.fake.result_fields(inv_id, password2="x")),
            "no signature": self.fake.deliver(unsigned),
            "foreign sender": self.fake.deliver(fields, peer_ip="203.0.113.7"),
            "no sender address": self.fake.deliver(fields, peer_ip=None),
            "Shp field added": self.fake.deliver(fields | {"Shp_bonus": "1"}),
            "IsTest flipped": self.fake.deliver(
                fields | {"IsTest": "0" if self.test_mode else "1"}
            ),
        }

    def tampered_amount(self, checkout: Checkout) -> InboundRequest:
        fields = self.fake.result_fields(self._opened(checkout), is_test=self.test_mode)
        return self.fake.deliver(fields | {"OutSum": "1.000000", "out_summ": "1.000000"})

    def signed(self, body: bytes) -> InboundRequest:
        return InboundRequest("POST", "/payments/robokassa", {}, {}, body, SENDER_IP)

    def signed_fields(self, fields: Mapping[str, str]) -> InboundRequest:
        shp = sorted((k, v) for k, v in fields.items() if k.lower().startswith("shp_"))
        base = f"{fields.get('OutSum', '')}:{fields.get('InvId', '')}:{self.fake.password2}"
        base += "".join(f":{k}={v}" for k, v in shp)
        signed = dict(fields) | {"SignatureValue": digest(self.fake.algorithm, base)}
        if self.test_mode:
            signed["IsTest"] = "1"
        return self.fake.deliver(signed)

    def malformed_notifications(self, checkout: Checkout) -> Mapping[str, InboundRequest]:
        inv_id = self._opened(checkout)
        genuine = self.fake.result_fields(inv_id, is_test=self.test_mode)
        ref = genuine["Shp_payment_id"]
        body_of = self.signed_fields
        return {
            "not a form": self.signed(b"\xff\xfe=\x00"),
            "repeated field": self.signed(urlencode([("OutSum", "1"), ("OutSum", "2")]).encode()),
            "no OutSum": body_of({"InvId": str(inv_id), "Shp_payment_id": ref}),
            "OutSum with exponent": body_of(
                {"OutSum": "1.99e2", "InvId": str(inv_id), "Shp_payment_id": ref}
            ),
            "negative OutSum": body_of(
                {"OutSum": "-199.00", "InvId": str(inv_id), "Shp_payment_id": ref}
            ),
            "InvId not a number": body_of({"OutSum": "199.00", "InvId": "12a"}),
            "InvId of another payment": body_of(
                {"OutSum": "199.000000", "InvId": str(inv_id + 1), "Shp_payment_id": ref}
            ),
            "kopeck fractions": body_of(
                {"OutSum": "199.001000", "InvId": str(inv_id), "Shp_payment_id": ref}
            ),
        }

    def expected_ack(self, checkout: Checkout) -> bytes:
        return f"OK{checkout.provider_payment_id}".encode()

    async def aclose(self) -> None:
        await self.client.aclose()
