"""The payment webhook pipeline over real HTTP on loopback."""

import asyncio

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from shop_domain.events import PaymentSucceeded
from shop_domain.model.ids import CustomerId
from shop_domain.model.payments import PaymentStatus
from shop_domain.services.billing.create_checkout import CheckoutResult
from tests.integration.webhooks.signed_gateway import paid_body, sign
from tests.unit.services.payment_steps import checkout
from tests.unit.services.shop_harness import Shop

Client = TestClient[web.Request, web.Application]


@pytest.fixture
async def order(shop: Shop) -> CheckoutResult:
    await shop.add_plan()
    await shop.add_customer(1)
    return await checkout(shop)


async def deliver(client: Client, body: bytes, signature: str | None = None) -> tuple[int, str]:
    headers = {"X-Signature": sign(body) if signature is None else signature}
    response = await client.post("/payments/fakepay", data=body, headers=headers)
    return response.status, await response.text()


async def status_of(shop: Shop, order: CheckoutResult) -> PaymentStatus:
    async with shop.uow() as uow:
        payment = await uow.payments.get(order.payment_id)
    assert payment is not None
    return payment.status


async def test_valid_webhook_is_credited_then_acknowledged(
    client: Client, shop: Shop, order: CheckoutResult
) -> None:
    status, text = await deliver(client, paid_body(order.payment_id))
    assert (status, text) == (200, f"OK{order.payment_id}")
    assert await status_of(shop, order) is PaymentStatus.PAID


async def test_replayed_webhook_is_acknowledged_and_credited_once(
    client: Client, shop: Shop, order: CheckoutResult
) -> None:
    body = paid_body(order.payment_id)
    first = await deliver(client, body)
    second = await deliver(client, body)
    assert first == second == (200, f"OK{order.payment_id}")
    assert len(shop.notifier.of_type(PaymentSucceeded)) == 1


async def test_concurrent_deliveries_credit_once(
    client: Client, shop: Shop, order: CheckoutResult
) -> None:
    body = paid_body(order.payment_id)
    results = await asyncio.gather(*(deliver(client, body) for _ in range(20)))
    assert {status for status, _ in results} == {200}
    assert len(shop.notifier.of_type(PaymentSucceeded)) == 1
    await shop.run_queued_jobs()
    assert shop.panel.calls.count("ensure_user") == 1


async def test_forged_signature_is_refused_and_kept_for_audit(
    client: Client, shop: Shop, order: CheckoutResult
) -> None:
    body = paid_body(order.payment_id)
    status, _ = await deliver(client, body, signature=sign(body, b"wrong-secret"))
    assert status == 401
    missing = await client.post("/payments/fakepay", data=body)
    assert missing.status == 401
    assert await status_of(shop, order) is PaymentStatus.PENDING
    stored = list(shop.store.state.events.values())
    assert [e.verified for e in stored] == [False]


async def test_malformed_body_is_a_client_error(
    client: Client, shop: Shop, order: CheckoutResult
) -> None:
    status, _ = await deliver(client, b'{"event_id": 1}')
    assert status == 400
    status, _ = await deliver(client, b"\xff\xfe not json")
    assert status == 400
    assert await status_of(shop, order) is PaymentStatus.PENDING


async def test_tampered_amount_is_acknowledged_but_held(
    client: Client, shop: Shop, order: CheckoutResult
) -> None:
    status, _ = await deliver(client, paid_body(order.payment_id, amount="1.00"))
    assert status == 200
    assert await status_of(shop, order) is PaymentStatus.HELD
    async with shop.uow() as uow:
        assert await uow.subscriptions.get_by_customer(CustomerId(1)) is None


async def test_foreign_order_id_is_not_acknowledged(
    client: Client, shop: Shop, order: CheckoutResult
) -> None:
    status, _ = await deliver(client, paid_body("someone-elses-order"))
    assert status == 503
    assert await status_of(shop, order) is PaymentStatus.PENDING


async def test_unknown_provider_and_oversized_body(client: Client) -> None:
    assert (await client.post("/payments/nope", data=b"{}")).status == 404
    huge = await client.post("/payments/fakepay", data=b"x" * (300 * 1024))
    assert huge.status == 413


async def test_panel_webhooks_fail_closed_without_a_secret(client: Client) -> None:
    response = await client.post("/panel/webhook", data=b"{}")
    assert response.status == 403


async def test_health_ready_and_metrics(client: Client) -> None:
    assert (await client.get("/health")).status == 200
    ready = await client.get("/ready")
    assert ready.status == 200
    assert (await ready.json())["checks"] == {"store": "ok"}
    metrics = await (await client.get("/metrics")).text()
    assert "shop_http_requests_total" in metrics
