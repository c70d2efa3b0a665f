"""Stripe's quirks: signature header variants, delayed payments, reversals, idempotency."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from shop_adapters.payments.providers.stripe import StripeConfig
from shop_domain.errors import NotificationUntrustedError, PaymentProviderError
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import Checkout, NotificationKind
from tests.fakes.payments.stripe import NOW
from tests.fakes.payments.stripe_events import WEBHOOK_SECRET, signature
from tests.integration.payments.harness import checkout_request, payment_for
from tests.integration.payments.stripe_harness import COMPLETED, StripeHarness, session_id


@pytest.fixture
async def stripe() -> AsyncIterator[StripeHarness]:
    harness = StripeHarness()
    yield harness
    await harness.aclose()


async def _checkout(stripe: StripeHarness, payment_id: str = "pay-stripe-1") -> Checkout:
    return await stripe.gateway.create_checkout(checkout_request(stripe.order(), payment_id))


async def test_create_sends_minor_units_and_our_id_everywhere(stripe: StripeHarness) -> None:
    checkout = await _checkout(stripe)

    sent = stripe.fake.app.requests[-1]
    form = sent.form()
    assert form["line_items[0][price_data][unit_amount]"] == "19900"
    assert form["line_items[0][price_data][currency]"] == "rub"
    assert form["client_reference_id"] == "pay-stripe-1"
    assert form["metadata[payment_id]"] == "pay-stripe-1"
    assert form["payment_intent_data[metadata][payment_id]"] == "pay-stripe-1"
    assert sent.headers["idempotency-key"] == "checkout:pay-stripe-1"
    assert sent.headers["stripe-version"] == stripe.config.api_version
    assert checkout.url == f"https://checkout.stripe.com/c/pay/{checkout.provider_payment_id}"
    assert checkout.expires_at is not None


async def test_a_5xx_on_create_is_retried_with_the_same_key(stripe: StripeHarness) -> None:
    stripe.fake.app.fail_next = [500, 503]

    checkout = await _checkout(stripe)

    assert len(stripe.fake.sessions) == 1
    assert stripe.idempotency_keys() == ["checkout:pay-stripe-1"] * 3
    assert checkout.provider_payment_id in stripe.fake.sessions


async def test_a_refused_create_raises_provider_error(stripe: StripeHarness) -> None:
    stripe.fake.secret_key = "sk_test_rotated"  # noqa: S105

    with pytest.raises(PaymentProviderError, match="401"):
        await _checkout(stripe)


async def test_persistent_5xx_gives_up_with_provider_error(stripe: StripeHarness) -> None:
    stripe.fake.app.fail_next = [500] * 5

    with pytest.raises(PaymentProviderError):
        await _checkout(stripe)


@pytest.mark.parametrize("skew", [-300, -1, 0, 1, 299, 300])
async def test_timestamps_within_tolerance_either_side_are_accepted(
    stripe: StripeHarness, skew: int
) -> None:
    body = stripe.paid_notification(await _checkout(stripe)).body

    notification = await stripe.gateway.parse_notification(
        stripe.events.deliver(body, timestamp=NOW + skew)
    )

    assert notification.kind is NotificationKind.PAID


@pytest.mark.parametrize("skew", [-301, 301, 86_400, -86_400])
async def test_timestamps_outside_tolerance_are_refused(stripe: StripeHarness, skew: int) -> None:
    body = stripe.paid_notification(await _checkout(stripe)).body

    with pytest.raises(NotificationUntrustedError, match="tolerance"):
        await stripe.gateway.parse_notification(stripe.events.deliver(body, timestamp=NOW + skew))


async def test_any_of_several_v1_signatures_may_match(stripe: StripeHarness) -> None:
    body = stripe.paid_notification(await _checkout(stripe)).body
    good = signature(body, WEBHOOK_SECRET, NOW)
    header = f"t={NOW},v1={'0' * 64},v1={good},v0={good}"

    notification = await stripe.gateway.parse_notification(
        stripe.events.deliver(body, header=header)
    )

    assert notification.kind is NotificationKind.PAID


async def test_a_v0_signature_alone_is_not_enough(stripe: StripeHarness) -> None:
    body = stripe.paid_notification(await _checkout(stripe)).body
    good = signature(body, WEBHOOK_SECRET, NOW)

    with pytest.raises(NotificationUntrustedError):
        await stripe.gateway.parse_notification(
            stripe.events.deliver(body, header=f"t={NOW},v0={good}")
        )


async def test_delayed_method_waits_for_async_payment_succeeded(stripe: StripeHarness) -> None:
    checkout = await _checkout(stripe)
    sid = session_id(checkout)
    stripe.fake.complete(sid, payment_status="unpaid")
    completed = stripe.events.deliver(stripe.events.session_event(COMPLETED, sid))
    stripe.fake.settle(sid)
    succeeded = stripe.events.deliver(
        stripe.events.session_event("checkout.session.async_payment_succeeded", sid)
    )

    first = await stripe.gateway.parse_notification(completed)
    second = await stripe.gateway.parse_notification(succeeded)

    assert first.kind is NotificationKind.PENDING
    assert second.kind is NotificationKind.PAID
    assert second.payment_ref == "pay-stripe-1"
    assert second.amount == Money.of("199.00", "RUB")
    assert first.event_id != second.event_id


@pytest.mark.parametrize(
    ("event_type", "kind"),
    [
        ("checkout.session.async_payment_failed", NotificationKind.FAILED),
        ("checkout.session.expired", NotificationKind.EXPIRED),
    ],
)
async def test_session_failures(
    stripe: StripeHarness, event_type: str, kind: NotificationKind
) -> None:
    sid = session_id(await _checkout(stripe))

    notification = await stripe.gateway.parse_notification(
        stripe.events.deliver(stripe.events.session_event(event_type, sid))
    )

    assert notification.kind is kind
    assert notification.payment_ref == "pay-stripe-1"


@pytest.mark.parametrize("with_metadata", [True, False])
async def test_charge_refunded_finds_our_payment(
    stripe: StripeHarness, with_metadata: bool
) -> None:
    sid = session_id(await _checkout(stripe))
    stripe.fake.complete(sid)

    notification = await stripe.gateway.parse_notification(
        stripe.events.deliver(stripe.events.charge_refunded(sid, with_metadata=with_metadata))
    )

    assert notification.kind is NotificationKind.REFUNDED
    assert notification.payment_ref == "pay-stripe-1"
    assert notification.amount == Money.of("199.00", "RUB")


async def test_a_dispute_is_a_chargeback_of_our_payment(stripe: StripeHarness) -> None:
    sid = session_id(await _checkout(stripe))
    stripe.fake.complete(sid)

    notification = await stripe.gateway.parse_notification(
        stripe.events.deliver(stripe.events.dispute_created(sid))
    )

    assert notification.kind is NotificationKind.CHARGEBACK
    assert notification.payment_ref == "pay-stripe-1"


async def test_refund_goes_to_the_payment_intent_with_our_key(stripe: StripeHarness) -> None:
    request = checkout_request(stripe.order(), "pay-stripe-1")
    checkout = await stripe.gateway.create_checkout(request)
    stripe.fake.complete(session_id(checkout))
    payment = payment_for(request, checkout, "stripe")

    await stripe.gateway.refund(payment, None, idempotency_key="refund:pay-stripe-1")
    await stripe.gateway.refund(payment, None, idempotency_key="refund:pay-stripe-1")
    await stripe.gateway.refund(payment, None, idempotency_key="refund:by-hand")

    assert len(stripe.fake.refunds) == 1
    assert stripe.fake.refunds[0]["amount"] == 19900
    refund_calls = [r for r in stripe.fake.app.requests if r.path == "/v1/refunds"]
    assert [r.headers["idempotency-key"] for r in refund_calls][:2] == ["refund:pay-stripe-1"] * 2


async def test_partial_refund_sends_minor_units(stripe: StripeHarness) -> None:
    request = checkout_request(stripe.order(), "pay-stripe-1")
    checkout = await stripe.gateway.create_checkout(request)
    stripe.fake.complete(session_id(checkout))

    await stripe.gateway.refund(
        payment_for(request, checkout, "stripe"), Money.of("50.50", "RUB"), "refund:part"
    )

    assert stripe.fake.refunds[0]["amount"] == 5050


async def test_refund_of_an_unpaid_session_is_a_provider_error(stripe: StripeHarness) -> None:
    request = checkout_request(stripe.order(), "pay-stripe-1")
    checkout = await stripe.gateway.create_checkout(request)

    with pytest.raises(PaymentProviderError):
        await stripe.gateway.refund(payment_for(request, checkout, "stripe"), None, "refund:x")


async def test_fetch_status_of_an_expired_or_unknown_session(stripe: StripeHarness) -> None:
    request = checkout_request(stripe.order(), "pay-stripe-1")
    checkout = await stripe.gateway.create_checkout(request)
    stripe.fake.expire(session_id(checkout))
    unknown = Checkout("cs_test_unknown", url=None)

    expired = await stripe.gateway.fetch_status(payment_for(request, checkout, "stripe"))
    missing = await stripe.gateway.fetch_status(payment_for(request, unknown, "stripe"))

    assert expired is not None
    assert expired.kind is NotificationKind.EXPIRED
    assert missing is None


def test_config_refuses_a_key_of_the_other_mode() -> None:
    test_key, live_key, whsec = "sk_test_x", "sk_live_x", "whsec_x"
    with pytest.raises(ValueError, match="live mode"):
        StripeConfig(secret_key=test_key, webhook_secret=whsec, success_url="https://x")
    with pytest.raises(ValueError, match="whsec_"):
        StripeConfig(secret_key=live_key, webhook_secret=live_key, success_url="https://x")
