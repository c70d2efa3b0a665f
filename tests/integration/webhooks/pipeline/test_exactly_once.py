"""Webhook -> verify -> store -> credit -> outbox -> panel, on PostgreSQL over loopback HTTP.

A payment is credited exactly once however often and however concurrently it is reported;
the panel being down never loses it; the customer and the admin log each hear once.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from aiohttp import web
from aiohttp.test_utils import TestClient

from shop_domain.model.payments import PaymentStatus
from shop_domain.ports.payment_gateway import InboundRequest
from tests.integration.webhooks.pipeline.pg_shop import LOG_CHAT, PgShop
from tests.unit.fakes import T0

Client = TestClient[web.Request, web.Application]
CUSTOMER = 10
DELIVERIES = 100


async def post(client: Client, delivery: InboundRequest) -> tuple[int, bytes]:
    response = await client.post(delivery.path, data=delivery.body, headers=dict(delivery.headers))
    return response.status, await response.read()


async def test_a_hundred_concurrent_deliveries_credit_once(
    shop: PgShop, web_client: Client
) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    delivery = shop.paid_delivery()

    answers = await asyncio.gather(*(post(web_client, delivery) for _ in range(DELIVERIES)))

    assert answers == [(200, b"ok")] * DELIVERIES  # a duplicate is acknowledged, not refused
    payment = await shop.payment(checkout.payment_id)
    assert payment.status is PaymentStatus.PAID
    assert (await shop.subscription(CUSTOMER)).expires_at == T0 + timedelta(days=30)
    assert await shop.inbox_size() == 1  # one event stored, 99 recognised as replays
    assert await shop.outbox_size() == 1
    assert len(shop.job_queue.jobs) == 1
    await shop.run_queued_jobs()
    assert shop.panel.calls == ["ensure_user"]  # one panel extension
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PROVISIONED
    link = next(iter(shop.panel.users.values())).subscription_url
    [customer_heard] = shop.messages_to(CUSTOMER)  # one success message, with the link
    assert link in customer_heard
    assert len(shop.messages_to(LOG_CHAT)) == 1


async def test_a_replay_after_the_credit_changes_nothing(shop: PgShop, web_client: Client) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    body = shop.cryptopay_api.paid_update_body(shop.invoice_id())
    assert await post(web_client, shop.cryptopay_api.deliver(body)) == (200, b"ok")
    await shop.run_queued_jobs()
    shop.later(days=3)

    replay = await post(web_client, shop.cryptopay_api.deliver(body))  # the same bytes
    retry = shop.cryptopay_api.paid_update_body(shop.invoice_id())  # CryptoPay's next attempt
    second_signal = await post(web_client, shop.cryptopay_api.deliver(retry))

    assert replay == second_signal == (200, b"ok")
    assert (await shop.subscription(CUSTOMER)).expires_at == T0 + timedelta(days=30)
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PROVISIONED
    assert shop.job_queue.jobs == []
    assert shop.panel.calls == ["ensure_user"]
    assert len(shop.messages_to(LOG_CHAT)) == 1


async def test_a_forged_delivery_is_refused_and_credits_nothing(
    shop: PgShop, web_client: Client
) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    body = shop.cryptopay_api.paid_update_body(shop.invoice_id())
    forged = shop.cryptopay_api.deliver(body, token="9999:AAsomeOtherApp")  # noqa: S106
    status, _ = await post(web_client, forged)
    assert status == 401
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PENDING
    assert await shop.outbox_size() == 0


async def test_stars_cannot_be_credited_over_http(shop: PgShop, web_client: Client) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER, "telegram_stars")
    fake = InboundRequest("POST", "/payments/telegram_stars", {}, {}, b'{"paid": true}')
    status, _ = await post(web_client, fake)
    assert status == 401
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PENDING


async def test_panel_down_keeps_the_payment_and_the_outbox_delivers_later(
    shop: PgShop, web_client: Client
) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    shop.panel.down = True
    delivery = shop.paid_delivery()

    assert await post(web_client, delivery) == (200, b"ok")  # the money is safe: acknowledged
    await shop.run_queued_jobs()  # the worker's attempt fails: the panel is down
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PAID
    assert shop.panel.users == {}

    shop.later(minutes=1)
    assert (await shop.retry_provisioning.execute()).succeeded == 0  # still down
    shop.panel.down = False
    shop.later(minutes=5)
    result = await shop.retry_provisioning.execute()

    assert (result.attempted, result.succeeded) == (1, 1)
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PROVISIONED
    user = next(iter(shop.panel.users.values()))
    assert user.expires_at == T0 + timedelta(days=30)
    shop.later(hours=1)
    assert (await shop.retry_provisioning.execute()).attempted == 0  # nothing left to do
    assert len([m for m in shop.messages_to(CUSTOMER) if user.subscription_url in m]) == 1
    assert len(shop.messages_to(LOG_CHAT)) == 1
