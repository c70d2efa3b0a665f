"""YooKassa and PayPal through the real web app over loopback: the real adapters talk to their
fakes, the use cases run on the in-memory store. Credited once, forgeries change nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client import CollectorRegistry

from shop_domain.events import PaymentSucceeded
from shop_domain.model.ids import CustomerId
from shop_domain.model.payments import PaymentStatus
from shop_domain.ports.payment_gateway import InboundRequest
from shop_domain.services.billing.create_checkout import (
    CheckoutResult,
    CreateCheckout,
    CreateCheckoutRequest,
)
from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_entrypoints.webhooks.app import build_web_app
from shop_entrypoints.webhooks.client_ip import ClientIpResolver
from shop_entrypoints.webhooks.health import HealthEndpoints
from shop_entrypoints.webhooks.metrics import WebMetrics
from shop_entrypoints.webhooks.panel import PanelWebhooks
from shop_entrypoints.webhooks.payments import PaymentWebhooks
from tests.fakes.payments.yookassa import SENDER_IP
from tests.integration.payments.paypal_harness import PayPalHarness
from tests.integration.payments.yookassa_harness import YooKassaHarness
from tests.unit.fakes import FakePaymentGateways
from tests.unit.services.shop_harness import BASIC, Shop

Client = TestClient[web.Request, web.Application]


@dataclass
class Rig:
    shop: Shop
    client: Client
    yookassa: YooKassaHarness
    paypal: PayPalHarness
    checkout: CreateCheckout

    async def buy(self, provider: str) -> CheckoutResult:
        return await self.checkout.execute(
            CreateCheckoutRequest(CustomerId(1), BASIC, 30, provider)
        )

    async def post(self, provider: str, request: InboundRequest, ip: str = SENDER_IP) -> int:
        headers = dict(request.headers) | {"X-Forwarded-For": ip}
        response = await self.client.post(
            f"/payments/{provider}", data=request.body, headers=headers
        )
        return response.status

    async def status(self, result: CheckoutResult) -> PaymentStatus:
        async with self.shop.uow() as uow:
            payment = await uow.payments.get(result.payment_id)
        assert payment is not None
        return payment.status

    def credits(self) -> int:
        return len(self.shop.notifier.of_type(PaymentSucceeded))


async def store_answers() -> None:
    """Readiness of the in-memory store."""


@pytest.fixture
async def rig() -> AsyncIterator[Rig]:
    shop = Shop()
    await shop.add_plan()
    await shop.add_customer(1)
    yookassa = YooKassaHarness()
    paypal = PayPalHarness(currencies=frozenset({"RUB"}))
    gateways = FakePaymentGateways(yookassa.gateway, paypal.gateway)
    checkout = CreateCheckout(shop.uow, shop.clock, gateways, shop.quote, shop.policy, shop.locks)
    rejected = RecordRejectedNotification(shop.uow, shop.clock)
    app = build_web_app(
        payments=PaymentWebhooks(
            gateways, shop.confirm, rejected, ClientIpResolver(["127.0.0.1/32", "::1/128"])
        ),
        panel=PanelWebhooks(None, shop.handle_panel_event, rejected),
        health=HealthEndpoints({"store": store_answers}),
        metrics=WebMetrics(CollectorRegistry()),
    )
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield Rig(shop, client, yookassa, paypal, checkout)
    await yookassa.aclose()
    await paypal.aclose()


async def test_yookassa_paid_is_credited_once_however_often_it_is_replayed(rig: Rig) -> None:
    result = await rig.buy("yookassa")
    (yk_id,) = rig.yookassa.fake.payments
    body = rig.yookassa.fake.succeeded_body(yk_id)

    statuses = [await rig.post("yookassa", rig.yookassa.fake.deliver(body)) for _ in range(3)]

    assert statuses == [200, 200, 200]
    assert await rig.status(result) is PaymentStatus.PAID
    assert rig.credits() == 1


async def test_yookassa_forgeries_credit_nothing(rig: Rig) -> None:
    result = await rig.buy("yookassa")
    (yk_id,) = rig.yookassa.fake.payments
    fake = rig.yookassa.fake
    genuine = fake.succeeded_body(yk_id)
    obj = fake.snapshot(yk_id)
    fake.payments[yk_id] |= {"status": "pending", "paid": False}  # not paid at YooKassa yet

    untrusted_ip = await rig.post("yookassa", fake.deliver(genuine), ip="203.0.113.9")
    claimed_paid = await rig.post("yookassa", fake.deliver(genuine))
    cheaper = obj | {"amount": {"value": "1.00", "currency": "RUB"}}
    tampered = await rig.post(
        "yookassa", fake.deliver(fake.notification_body("payment.succeeded", cheaper))
    )
    dollars = obj | {"amount": {"value": "199.00", "currency": "USD"}}
    currency = await rig.post(
        "yookassa", fake.deliver(fake.notification_body("payment.succeeded", dollars))
    )
    foreign = obj | {"metadata": {"payment_id": "someone-elses"}}
    foreign_id = await rig.post(
        "yookassa", fake.deliver(fake.notification_body("payment.succeeded", foreign))
    )

    assert untrusted_ip == tampered == currency == foreign_id == 401
    assert claimed_paid == 200  # acknowledged as PENDING: YooKassa says it is not paid
    assert await rig.status(result) is PaymentStatus.PENDING
    assert rig.credits() == 0


async def test_paypal_capture_on_return_then_webhooks_credit_once(rig: Rig) -> None:
    result = await rig.buy("paypal")
    (order_id,) = rig.paypal.fake.orders
    rig.paypal.fake.approve(order_id)

    back = await rig.client.get(
        "/payments/paypal", params={"token": order_id, "PayerID": "QYR5Z8XDVJNXQ"},
        allow_redirects=False,
    )  # fmt: skip
    completed = rig.paypal.webhooks.event(
        "PAYMENT.CAPTURE.COMPLETED", rig.paypal.fake.capture_now(order_id), "capture"
    )
    webhook = await rig.post("paypal", rig.paypal.webhooks.deliver(completed))
    replay = await rig.post("paypal", rig.paypal.webhooks.deliver(completed))

    assert (back.status, back.headers["Location"]) == (303, "https://t.me/vpn_shop_bot")
    assert webhook == replay == 200
    assert await rig.status(result) is PaymentStatus.PAID
    assert rig.credits() == 1
    assert len(rig.paypal.fake.captures) == 1


async def test_paypal_forgeries_and_approval_alone_credit_nothing(rig: Rig) -> None:
    result = await rig.buy("paypal")
    (order_id,) = rig.paypal.fake.orders
    webhooks = rig.paypal.webhooks
    order = rig.paypal.fake.orders[order_id]
    body = webhooks.event("PAYMENT.CAPTURE.COMPLETED", {
        "id": "5O190127TN0000099", "status": "COMPLETED", "custom_id": str(result.payment_id),
        "amount": {"currency_code": "RUB", "value": "199.00"},
        "supplementary_data": {"related_ids": {"order_id": order_id}},
    }, "capture")  # fmt: skip

    forged = await rig.post("paypal", webhooks.deliver(body, key=b"attacker"))
    other_listener = await rig.post(
        "paypal", webhooks.deliver(body, webhook_id="5GP028458E2496506")
    )
    not_approved = await rig.post(
        "paypal",
        webhooks.deliver(webhooks.event("CHECKOUT.ORDER.APPROVED", order, "checkout-order")),
    )

    assert forged == other_listener == 401
    assert not_approved == 200  # the capture is refused (not approved): reported PENDING
    assert await rig.status(result) is PaymentStatus.PENDING
    assert rig.credits() == 0
    assert rig.paypal.fake.captures == {}
