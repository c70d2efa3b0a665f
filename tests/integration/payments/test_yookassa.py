"""YooKassa's quirks: Basic auth, Idempotence-Key, unsigned notifications checked against the
API, cancellation reasons, test/live mode, refunds."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from shop_domain.errors import NotificationUntrustedError, PaymentProviderError
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import Checkout, NotificationKind
from tests.integration.payments.harness import checkout_request, make_order, payment_for
from tests.integration.payments.yookassa_harness import YooKassaHarness


@pytest.fixture
async def yookassa() -> AsyncIterator[YooKassaHarness]:
    harness = YooKassaHarness()
    yield harness
    await harness.aclose()


async def _checkout(yookassa: YooKassaHarness, payment_id: str = "pay-yk-1") -> Checkout:
    return await yookassa.gateway.create_checkout(checkout_request(yookassa.order(), payment_id))


def _id(checkout: Checkout) -> str:
    return str(checkout.provider_payment_id)


async def test_create_sends_a_decimal_string_our_id_and_a_derived_key(
    yookassa: YooKassaHarness,
) -> None:
    checkout = await _checkout(yookassa)

    sent = yookassa.fake.app.requests[-1]
    body = sent.json()
    assert body["amount"] == {"value": "199.00", "currency": "RUB"}
    assert body["capture"] is True
    assert body["metadata"]["payment_id"] == "pay-yk-1"
    assert body["confirmation"]["return_url"] == "https://t.me/vpn_shop_bot"
    assert sent.headers["idempotence-key"] == "checkout:pay-yk-1"
    basic = base64.b64encode(b"123456:test_FakeSecretKey").decode()
    assert sent.headers["authorization"] == f"Basic {basic}"
    assert checkout.url == yookassa.fake.payments[_id(checkout)]["confirmation"]["confirmation_url"]


async def test_a_5xx_on_create_is_repeated_with_the_same_key(yookassa: YooKassaHarness) -> None:
    yookassa.fake.app.fail_next = [500, 502]

    checkout = await _checkout(yookassa)

    assert yookassa.idempotency_keys() == ["checkout:pay-yk-1"] * 3
    assert list(yookassa.fake.payments) == [checkout.provider_payment_id]


async def test_the_same_key_with_another_amount_is_refused(yookassa: YooKassaHarness) -> None:
    await _checkout(yookassa)
    other = checkout_request(make_order("299.00"), "pay-yk-1")

    with pytest.raises(PaymentProviderError, match="400 invalid_request Idempotence-Key"):
        await yookassa.gateway.create_checkout(other)
    assert len(yookassa.fake.payments) == 1


async def test_wrong_credentials_are_a_provider_error(yookassa: YooKassaHarness) -> None:
    yookassa.fake.secret_key = "test_rotated"  # noqa: S105

    with pytest.raises(PaymentProviderError, match="401 invalid_credentials"):
        await _checkout(yookassa)


async def test_a_succeeded_claim_for_a_payment_still_pending_is_only_pending(
    yookassa: YooKassaHarness,
) -> None:
    checkout = await _checkout(yookassa)
    claim = yookassa.fake.snapshot(_id(checkout)) | {"status": "succeeded", "paid": True}

    notification = await yookassa.gateway.parse_notification(
        yookassa.fake.deliver(yookassa.fake.notification_body("payment.succeeded", claim))
    )

    assert notification.kind is NotificationKind.PENDING
    assert notification.event_id == f"{_id(checkout)}:pending"


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("expired_on_confirmation", NotificationKind.EXPIRED),
        ("insufficient_funds", NotificationKind.FAILED),
    ],
)
async def test_cancellation_reasons(
    yookassa: YooKassaHarness, reason: str, kind: NotificationKind
) -> None:
    checkout = await _checkout(yookassa)
    body = yookassa.fake.notification_body(
        "payment.canceled", yookassa.fake.cancel(_id(checkout), reason)
    )

    notification = await yookassa.gateway.parse_notification(yookassa.fake.deliver(body))

    assert notification.kind is kind
    assert notification.payment_ref == "pay-yk-1"


async def test_a_test_payment_is_refused_in_live_mode() -> None:
    live = YooKassaHarness(test_mode=False)
    checkout = await _checkout(live)
    live.fake.payments[_id(checkout)]["test"] = True
    body = live.fake.succeeded_body(_id(checkout))

    with pytest.raises(NotificationUntrustedError, match="test flag"):
        await live.gateway.parse_notification(live.fake.deliver(body))
    await live.aclose()


async def test_senders_on_a_dual_stack_socket_are_recognised(yookassa: YooKassaHarness) -> None:
    checkout = await _checkout(yookassa)
    body = yookassa.fake.succeeded_body(_id(checkout))

    notification = await yookassa.gateway.parse_notification(
        yookassa.fake.deliver(body, peer_ip="::ffff:77.75.156.11")
    )

    assert notification.kind is NotificationKind.PAID


async def test_an_unreachable_api_defers_the_notification(yookassa: YooKassaHarness) -> None:
    checkout = await _checkout(yookassa)
    body = yookassa.fake.succeeded_body(_id(checkout))
    yookassa.fake.app.fail_next = [503, 503, 503]

    with pytest.raises(PaymentProviderError):  # the web app answers 503: YooKassa retries
        await yookassa.gateway.parse_notification(yookassa.fake.deliver(body))


async def test_full_refund_once_per_key_then_reported_refunded(yookassa: YooKassaHarness) -> None:
    request = checkout_request(yookassa.order(), "pay-yk-1")
    checkout = await yookassa.gateway.create_checkout(request)
    yookassa.pay(checkout)
    payment = payment_for(request, checkout, "yookassa")

    await yookassa.gateway.refund(payment, None, idempotency_key="refund:pay-yk-1")
    await yookassa.gateway.refund(payment, None, idempotency_key="refund:pay-yk-1")

    (refund,) = yookassa.fake.refunds.values()
    assert refund["amount"] == {"value": "199.00", "currency": "RUB"}
    sent = [r for r in yookassa.fake.app.requests if r.path == "/v3/refunds"]
    assert {r.headers["idempotence-key"] for r in sent} == {"refund:pay-yk-1"}
    body = yookassa.fake.notification_body("refund.succeeded", refund)
    notification = await yookassa.gateway.parse_notification(yookassa.fake.deliver(body))
    assert notification.kind is NotificationKind.REFUNDED
    assert notification.payment_ref == "pay-yk-1"
    assert notification.amount == Money(Decimal("199.00"), "RUB")


async def test_a_partial_refund_is_not_a_reversal(yookassa: YooKassaHarness) -> None:
    request = checkout_request(yookassa.order(), "pay-yk-1")
    checkout = await yookassa.gateway.create_checkout(request)
    yookassa.pay(checkout)
    payment = payment_for(request, checkout, "yookassa")

    await yookassa.gateway.refund(payment, Money(Decimal("50.00"), "RUB"), "refund:part")

    (refund,) = yookassa.fake.refunds.values()
    body = yookassa.fake.notification_body("refund.succeeded", refund)
    notification = await yookassa.gateway.parse_notification(yookassa.fake.deliver(body))
    assert notification.kind is NotificationKind.PENDING
    assert notification.amount == Money(Decimal("50.00"), "RUB")


async def test_a_forged_refund_notification_is_untrusted(yookassa: YooKassaHarness) -> None:
    checkout = await _checkout(yookassa)
    forged = {
        "id": "2d7e1b5a-000f-5000-9000-00000000abcd",
        "payment_id": _id(checkout),
        "status": "succeeded",
        "amount": {"value": "199.00", "currency": "RUB"},
    }
    body = yookassa.fake.notification_body("refund.succeeded", forged)

    with pytest.raises(NotificationUntrustedError):
        await yookassa.gateway.parse_notification(yookassa.fake.deliver(body))


async def test_refunding_an_unpaid_payment_is_refused(yookassa: YooKassaHarness) -> None:
    request = checkout_request(yookassa.order(), "pay-yk-1")
    checkout = await yookassa.gateway.create_checkout(request)

    with pytest.raises(PaymentProviderError, match="nothing was charged"):
        await yookassa.gateway.refund(payment_for(request, checkout, "yookassa"), None, "r:1")
    assert yookassa.fake.refunds == {}


async def test_fetch_status_refuses_a_stored_id_that_is_not_yookassas(
    yookassa: YooKassaHarness,
) -> None:
    request = checkout_request(yookassa.order(), "pay-yk-1")
    bogus = Checkout("../refunds", url=None)

    with pytest.raises(PaymentProviderError):
        await yookassa.gateway.fetch_status(payment_for(request, bogus, "yookassa"))
    assert (
        await yookassa.gateway.fetch_status(payment_for(request, Checkout(None), "yookassa"))
        is None
    )
