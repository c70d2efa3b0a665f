"""ReconcilePendingPayments on PostgreSQL with the real adapters: a lost webhook or a lost
`successful_payment` never loses a payment, and a late signal still credits only once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from aiohttp import web
from aiohttp.test_utils import TestClient

from shop_domain.model.ids import CustomerId
from shop_domain.model.payments import PaymentStatus
from shop_domain.services.billing.confirm_bot_payment import BotPaymentKind, BotPaymentRequest
from shop_domain.services.billing.confirm_payment import ConfirmationOutcome
from shop_domain.services.billing.reconcile_pending_payments import (
    ReconcilePendingPaymentsRequest,
    ReconciliationReport,
)
from tests.integration.webhooks.pipeline.pg_shop import LOG_CHAT, PgShop

Client = TestClient[web.Request, web.Application]
CUSTOMER = 30
RUN = ReconcilePendingPaymentsRequest(min_age=timedelta(minutes=10))


async def test_a_lost_webhook_is_credited_by_reconciliation(
    shop: PgShop, web_client: Client
) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    shop.cryptopay_api.pay(shop.invoice_id())  # paid, but the webhook never arrives
    shop.later(minutes=11)

    report = await shop.reconcile.execute(RUN)

    assert report == ReconciliationReport(checked=1, credited=1)
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PAID
    await shop.run_queued_jobs()
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PROVISIONED
    # The webhook turning up after all is acknowledged and credits nothing more.
    late = shop.paid_delivery()
    response = await web_client.post(late.path, data=late.body, headers=dict(late.headers))
    assert response.status == 200
    assert shop.job_queue.jobs == []
    assert len(shop.messages_to(LOG_CHAT)) == 1


async def test_a_still_pending_payment_is_left_untouched(shop: PgShop) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    shop.later(minutes=30)

    report = await shop.reconcile.execute(RUN)

    assert report == ReconciliationReport(checked=1, still_pending=1)
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PENDING
    assert await shop.outbox_size() == 0


async def test_an_expired_checkout_paid_late_is_credited(shop: PgShop) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    shop.later(hours=3)  # far beyond the 60-minute checkout TTL
    shop.cryptopay_api.pay(shop.invoice_id())

    report = await shop.reconcile.execute(RUN)

    assert report.credited == 1
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PAID


async def test_the_provider_saying_expired_closes_the_payment(shop: PgShop) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    shop.cryptopay_api.expire(shop.invoice_id())
    shop.later(minutes=90)

    report = await shop.reconcile.execute(RUN)

    assert report == ReconciliationReport(checked=1, closed=1)
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.EXPIRED


async def test_reconciliation_racing_the_webhook_credits_once(
    shop: PgShop, web_client: Client
) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    delivery = shop.paid_delivery()
    shop.later(minutes=15)

    webhook, report = await asyncio.gather(
        web_client.post(delivery.path, data=delivery.body, headers=dict(delivery.headers)),
        shop.reconcile.execute(RUN),
    )

    assert webhook.status == 200
    assert report.checked <= 1
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PAID
    assert await shop.outbox_size() == 1
    assert len(shop.messages_to(LOG_CHAT)) == 1


async def test_a_lost_stars_payment_is_found_in_the_star_transactions(shop: PgShop) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER, "telegram_stars")
    for number in range(120):  # other customers' payments before this one
        shop.session.pay(900 + number, f"other-{number}", 50, f"charge-other-{number}")
    shop.session.pay(CUSTOMER, checkout.payment_id, 150, "charge-lost")
    shop.later(minutes=11)

    report = await shop.reconcile.execute(RUN)

    assert report == ReconciliationReport(checked=1, credited=1)
    payment = await shop.payment(checkout.payment_id)
    assert (payment.status, payment.provider_payment_id) == (PaymentStatus.PAID, "charge-lost")
    # Telegram delivering the successful_payment after all is the same charge: a duplicate.
    redelivered = BotPaymentRequest(
        CustomerId(CUSTOMER),
        BotPaymentKind.PAID,
        checkout.payment_id,
        "XTR",
        150,
        "charge-lost",
        b"{}",
    )
    result = await shop.confirm_bot_payment.execute(redelivered)
    assert result.outcome is ConfirmationOutcome.DUPLICATE


async def test_given_up_then_paid_late_is_still_credited_by_the_webhook(
    shop: PgShop, web_client: Client
) -> None:
    await shop.setup(CUSTOMER)
    checkout = await shop.buy(CUSTOMER)
    shop.later(days=3)
    assert (await shop.reconcile.execute(RUN)).given_up == 1
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.EXPIRED

    late = shop.paid_delivery()
    response = await web_client.post(late.path, data=late.body, headers=dict(late.headers))

    assert response.status == 200
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.PAID
    assert (await shop.reconcile.execute(RUN)).checked == 0  # nothing pending any more
