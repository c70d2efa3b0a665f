"""PayPal's quirks: the cached OAuth token, capture on our side (approval is not payment),
the return URL, webhook verification by the API, PayPal-Request-Id, refunds."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from shop_domain.errors import NotificationUntrustedError, PaymentProviderError
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import Checkout, InboundRequest, NotificationKind
from tests.integration.payments.harness import checkout_request, make_order, payment_for
from tests.integration.payments.paypal_harness import PayPalHarness


@pytest.fixture
async def paypal() -> AsyncIterator[PayPalHarness]:
    harness = PayPalHarness()
    yield harness
    await harness.aclose()


async def _checkout(paypal: PayPalHarness, payment_id: str = "pay-pp-1") -> Checkout:
    return await paypal.gateway.create_checkout(checkout_request(paypal.order(), payment_id))


def _id(checkout: Checkout) -> str:
    return str(checkout.provider_payment_id)


def _calls(paypal: PayPalHarness, path: str) -> int:
    return sum(1 for r in paypal.fake.app.requests if r.path == path)


def _approved_event(paypal: PayPalHarness, checkout: Checkout) -> InboundRequest:
    paypal.fake.approve(_id(checkout))
    order = paypal.fake.orders[_id(checkout)]
    return paypal.webhooks.deliver(
        paypal.webhooks.event("CHECKOUT.ORDER.APPROVED", order, "checkout-order")
    )


async def test_create_sends_our_id_and_a_derived_request_id(paypal: PayPalHarness) -> None:
    checkout = await _checkout(paypal)

    sent = paypal.fake.app.requests[-1]
    unit = sent.json()["purchase_units"][0]
    assert sent.json()["intent"] == "CAPTURE"
    assert unit["amount"] == {"currency_code": "USD", "value": "10.00"}
    assert unit["custom_id"] == unit["invoice_id"] == "pay-pp-1"
    assert sent.headers["paypal-request-id"] == "checkout:pay-pp-1"
    assert checkout.url == f"https://www.sandbox.paypal.com/checkoutnow?token={_id(checkout)}"


async def test_zero_decimal_currencies_are_sent_without_a_fraction() -> None:
    jpy = PayPalHarness(currency="JPY", amount="1500")
    await _checkout(jpy)

    unit = jpy.fake.app.requests[-1].json()["purchase_units"][0]
    assert unit["amount"] == {"currency_code": "JPY", "value": "1500"}
    await jpy.aclose()


async def test_the_token_is_fetched_once_and_renewed_after_expiry(paypal: PayPalHarness) -> None:
    await _checkout(paypal, "pay-1")
    await _checkout(paypal, "pay-2")
    assert _calls(paypal, "/v1/oauth2/token") == 1

    paypal.clock.advance(seconds=32400 - 59)  # within the last minute of its life
    await _checkout(paypal, "pay-3")
    assert _calls(paypal, "/v1/oauth2/token") == 2


async def test_a_revoked_token_is_replaced_once(paypal: PayPalHarness) -> None:
    await _checkout(paypal, "pay-1")
    paypal.fake.revoke_tokens()

    await _checkout(paypal, "pay-2")

    assert _calls(paypal, "/v1/oauth2/token") == 2
    assert len(paypal.fake.orders) == 2


async def test_concurrent_calls_share_one_token(paypal: PayPalHarness) -> None:
    await asyncio.gather(*(_checkout(paypal, f"pay-{n}") for n in range(5)))

    assert _calls(paypal, "/v1/oauth2/token") == 1
    assert len(paypal.fake.orders) == 5


async def test_a_5xx_on_create_is_repeated_with_the_same_request_id(
    paypal: PayPalHarness,
) -> None:
    await _checkout(paypal, "pay-warm-up")  # the token is cached: the next calls are creates
    paypal.fake.app.fail_next = [500, 503]

    checkout = await _checkout(paypal)

    assert paypal.idempotency_keys()[1:] == ["checkout:pay-pp-1"] * 3
    assert len(paypal.fake.orders) == 2
    assert _id(checkout) in paypal.fake.orders


async def test_wrong_client_credentials_are_a_provider_error(paypal: PayPalHarness) -> None:
    paypal.fake.client_secret = "rotated"  # noqa: S105

    with pytest.raises(PaymentProviderError, match="token refused"):
        await _checkout(paypal)


async def test_the_same_request_id_with_another_body_is_refused(paypal: PayPalHarness) -> None:
    await _checkout(paypal)
    other = checkout_request(make_order("12.00", "USD"), "pay-pp-1")

    with pytest.raises(PaymentProviderError, match="PAYPAL_REQUEST_ID_PREVIOUSLY_USED"):
        await paypal.gateway.create_checkout(other)
    assert len(paypal.fake.orders) == 1


async def test_approval_is_captured_by_us_and_only_the_capture_pays(
    paypal: PayPalHarness,
) -> None:
    checkout = await _checkout(paypal)
    delivery = _approved_event(paypal, checkout)

    first = await paypal.gateway.parse_notification(delivery)
    again = await paypal.gateway.parse_notification(delivery)

    assert first == again
    assert first.kind is NotificationKind.PAID
    assert first.payment_ref == "pay-pp-1"
    assert first.amount == Money(Decimal("10.00"), "USD")
    assert len(paypal.fake.captures) == 1
    captures = [r for r in paypal.fake.app.requests if r.path.endswith("/capture")]
    assert {r.headers["paypal-request-id"] for r in captures} == {f"capture:{_id(checkout)}"}


async def test_return_webhook_and_status_query_at_once_make_one_capture(
    paypal: PayPalHarness,
) -> None:
    request = checkout_request(paypal.order(), "pay-pp-1")
    checkout = await paypal.gateway.create_checkout(request)
    approved = _approved_event(paypal, checkout)
    back = InboundRequest("GET", "/payments/paypal", {}, {"token": _id(checkout)}, b"")

    results = await asyncio.gather(
        paypal.gateway.parse_notification(approved),
        paypal.gateway.parse_notification(back),
        paypal.gateway.fetch_status(payment_for(request, checkout, "paypal")),
    )

    assert [r.kind if r else None for r in results] == [NotificationKind.PAID] * 3
    assert len(paypal.fake.captures) == 1


async def test_a_pending_capture_waits_for_capture_completed(paypal: PayPalHarness) -> None:
    paypal.fake.capture_status = "PENDING"
    checkout = await _checkout(paypal)

    approved = await paypal.gateway.parse_notification(_approved_event(paypal, checkout))
    (capture,) = paypal.fake.captures.values()
    capture["status"] = "COMPLETED"
    completed = await paypal.gateway.parse_notification(
        paypal.webhooks.deliver(
            paypal.webhooks.event("PAYMENT.CAPTURE.COMPLETED", capture, "capture")
        )
    )

    assert approved.kind is NotificationKind.PENDING
    assert completed.kind is NotificationKind.PAID
    assert completed.payment_ref == "pay-pp-1"


async def test_a_denied_capture_fails(paypal: PayPalHarness) -> None:
    checkout = await _checkout(paypal)
    capture = paypal.fake.capture_now(_id(checkout)) | {"status": "DECLINED"}
    body = paypal.webhooks.event("PAYMENT.CAPTURE.DENIED", capture, "capture")

    notification = await paypal.gateway.parse_notification(paypal.webhooks.deliver(body))

    assert notification.kind is NotificationKind.FAILED


async def test_the_customer_returning_captures_and_is_redirected_to_the_bot(
    paypal: PayPalHarness,
) -> None:
    checkout = await _checkout(paypal)
    paypal.fake.approve(_id(checkout))
    back = InboundRequest(
        "GET", "/payments/paypal", {}, {"token": _id(checkout), "PayerID": "QYR5Z8XDVJNXQ"}, b""
    )

    notification = await paypal.gateway.parse_notification(back)
    ack = paypal.gateway.acknowledge(notification)

    assert notification.kind is NotificationKind.PAID
    assert notification.payment_ref == "pay-pp-1"
    assert (ack.status, ack.headers["Location"]) == (303, "https://t.me/vpn_shop_bot")
    assert paypal.fake.orders[_id(checkout)]["status"] == "COMPLETED"


@pytest.mark.parametrize("token", ["5O190127TN9999999", "../v1/oauth2/token", ""])
async def test_a_return_for_an_order_paypal_does_not_have_is_untrusted(
    paypal: PayPalHarness, token: str
) -> None:
    back = InboundRequest("GET", "/payments/paypal", {}, {"token": token}, b"")

    with pytest.raises(NotificationUntrustedError):
        await paypal.gateway.parse_notification(back)


async def test_local_header_checks_spare_the_verification_call(paypal: PayPalHarness) -> None:
    checkout = await _checkout(paypal)
    body = paypal.webhooks.capture_completed(_id(checkout))

    for forged in (
        paypal.webhooks.deliver(body, cert_url="https://evil.example/cert"),
        paypal.webhooks.deliver(body, time="2026-11-01T00:00:00Z"),
        paypal.webhooks.deliver(body, auth_algo="none"),
    ):
        with pytest.raises(NotificationUntrustedError):
            await paypal.gateway.parse_notification(forged)
    assert paypal.webhooks.verifications == 0


async def test_verification_is_bound_to_our_webhook_id(paypal: PayPalHarness) -> None:
    checkout = await _checkout(paypal)
    body = paypal.webhooks.capture_completed(_id(checkout))

    with pytest.raises(NotificationUntrustedError, match="did not verify"):
        await paypal.gateway.parse_notification(
            paypal.webhooks.deliver(body, webhook_id="5GP028458E2496506")
        )
    sent = [r for r in paypal.fake.app.requests if r.path.endswith("verify-webhook-signature")]
    assert sent[-1].json()["webhook_id"] == paypal.config.webhook_id


async def test_refunds_once_per_key_and_reports_whole_and_partial(paypal: PayPalHarness) -> None:
    request = checkout_request(paypal.order(), "pay-pp-1")
    checkout = await paypal.gateway.create_checkout(request)
    paypal.fake.capture_now(_id(checkout))
    payment = payment_for(request, checkout, "paypal")

    await paypal.gateway.refund(payment, Money(Decimal("4.00"), "USD"), "refund:part")
    await paypal.gateway.refund(payment, Money(Decimal("4.00"), "USD"), "refund:part")
    (capture_id,) = paypal.fake.captures
    assert paypal.fake.refunded[capture_id] == Decimal("4.00")
    partial = await paypal.gateway.parse_notification(_refund_event(paypal, capture_id, "4.00"))

    await paypal.gateway.refund(payment, None, "refund:rest")
    await paypal.gateway.refund(payment, None, "refund:again")  # fully refunded counts as done
    whole = await paypal.gateway.parse_notification(_refund_event(paypal, capture_id, "6.00"))

    assert paypal.fake.refunded[capture_id] == Decimal("10.00")
    assert partial.kind is NotificationKind.PENDING
    assert whole.kind is NotificationKind.REFUNDED
    assert whole.payment_ref == "pay-pp-1"
    assert whole.amount == Money(Decimal("6.00"), "USD")


def _refund_event(paypal: PayPalHarness, capture_id: str, value: str) -> InboundRequest:
    refund = {
        "id": "1JU08902781691411",
        "status": "COMPLETED",
        "amount": {"currency_code": "USD", "value": value},
        "links": [
            {"href": f"https://api-m.paypal.com/v2/payments/captures/{capture_id}", "rel": "up"}
        ],
    }
    return paypal.webhooks.deliver(
        paypal.webhooks.event("PAYMENT.CAPTURE.REFUNDED", refund, "refund")
    )


async def test_refunding_an_uncaptured_order_is_refused(paypal: PayPalHarness) -> None:
    request = checkout_request(paypal.order(), "pay-pp-1")
    checkout = await paypal.gateway.create_checkout(request)

    with pytest.raises(PaymentProviderError, match="nothing was captured"):
        await paypal.gateway.refund(payment_for(request, checkout, "paypal"), None, "r:1")


async def test_a_reversal_is_a_chargeback(paypal: PayPalHarness) -> None:
    checkout = await _checkout(paypal)
    capture = paypal.fake.capture_now(_id(checkout)) | {"status": "REVERSED"}
    body = paypal.webhooks.event("PAYMENT.CAPTURE.REVERSED", capture, "capture")

    notification = await paypal.gateway.parse_notification(paypal.webhooks.deliver(body))

    assert notification.kind is NotificationKind.CHARGEBACK
    assert notification.payment_ref == "pay-pp-1"
