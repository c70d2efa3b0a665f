"""The checklist every payment adapter passes (docs/payments.md, "The checklist").

Each test runs once per harness (conftest.py): the adapter talks to its provider's fake,
notifications are built the way the provider builds them.
"""

from __future__ import annotations

import pytest

from shop_domain.errors import (
    NotificationMalformedError,
    NotificationUntrustedError,
    RefundNotSupportedError,
)
from shop_domain.model.money import supported_currencies
from shop_domain.ports.payment_gateway import (
    CheckoutKind,
    NotificationKind,
    RefundSupport,
)
from tests.integration.payments.harness import GatewayHarness, checkout_request, payment_for


async def test_valid_notification_is_paid_for_our_payment_with_the_exact_amount(
    harness: GatewayHarness,
) -> None:
    request = checkout_request(harness.order())
    checkout = await harness.gateway.create_checkout(request)

    notification = await harness.gateway.parse_notification(harness.paid_notification(checkout))

    assert notification.kind is NotificationKind.PAID
    assert notification.provider == harness.gateway.name
    assert notification.payment_ref == request.payment_id
    assert notification.provider_payment_id == checkout.provider_payment_id
    assert notification.amount == request.order.price
    assert notification.event_id


async def test_the_same_delivery_parses_to_the_same_dedupe_key(harness: GatewayHarness) -> None:
    checkout = await harness.gateway.create_checkout(checkout_request(harness.order()))
    delivery = harness.paid_notification(checkout)

    first = await harness.gateway.parse_notification(delivery)
    again = await harness.gateway.parse_notification(delivery)

    assert first == again


async def test_forged_notifications_are_untrusted(harness: GatewayHarness) -> None:
    checkout = await harness.gateway.create_checkout(checkout_request(harness.order()))

    for label, forged in harness.forged_notifications(checkout).items():
        outcome: object = "accepted"
        try:
            await harness.gateway.parse_notification(forged)
        except NotificationUntrustedError as error:
            outcome = type(error)
        assert outcome is NotificationUntrustedError, label


async def test_tampered_amount_is_refused_or_reported_as_received(
    harness: GatewayHarness,
) -> None:
    request = checkout_request(harness.order())
    checkout = await harness.gateway.create_checkout(request)

    try:
        notification = await harness.gateway.parse_notification(harness.tampered_amount(checkout))
    except NotificationUntrustedError:
        return  # the signature covers the amount
    assert notification.amount != request.order.price  # the domain then holds the payment


async def test_malformed_but_authentic_notifications_are_malformed(
    harness: GatewayHarness,
) -> None:
    checkout = await harness.gateway.create_checkout(checkout_request(harness.order()))

    for label, malformed in harness.malformed_notifications(checkout).items():
        try:
            await harness.gateway.parse_notification(malformed)
        except NotificationMalformedError:
            continue
        pytest.fail(f"{label}: accepted")


async def test_acknowledgement_is_the_providers_exact_reply(harness: GatewayHarness) -> None:
    checkout = await harness.gateway.create_checkout(checkout_request(harness.order()))
    notification = await harness.gateway.parse_notification(harness.paid_notification(checkout))

    ack = harness.gateway.acknowledge(notification)

    assert ack.status == 200
    assert ack.body == harness.expected_ack(checkout)


async def test_create_uses_a_key_derived_from_our_payment_id(harness: GatewayHarness) -> None:
    request = checkout_request(harness.order())

    first = await harness.gateway.create_checkout(request)
    second = await harness.gateway.create_checkout(request)

    keys = harness.idempotency_keys()
    if harness.has_idempotency_key:
        assert len(keys) == 2
        assert keys[0] == keys[1]
        assert request.payment_id in keys[0]
    else:
        assert keys == []
    if harness.create_is_idempotent:
        assert first == second
    assert first.provider_payment_id


async def test_another_payment_gets_another_checkout(harness: GatewayHarness) -> None:
    order = harness.order()

    first = await harness.gateway.create_checkout(checkout_request(order, "pay-one"))
    second = await harness.gateway.create_checkout(checkout_request(order, "pay-two"))

    assert first.provider_payment_id != second.provider_payment_id
    assert first.url != second.url


async def test_fetch_status_follows_the_provider(harness: GatewayHarness) -> None:
    request = checkout_request(harness.order())
    checkout = await harness.gateway.create_checkout(request)
    payment = payment_for(request, checkout, harness.gateway.name)
    before = await harness.gateway.fetch_status(payment)

    harness.pay(checkout)
    after = await harness.gateway.fetch_status(payment)

    assert before is None or before.kind is NotificationKind.PENDING
    assert after is not None
    assert after.kind is NotificationKind.PAID
    assert after.payment_ref == request.payment_id
    assert after.amount == request.order.price


async def test_capabilities_are_consistent(harness: GatewayHarness) -> None:
    capabilities = harness.gateway.capabilities
    request = checkout_request(harness.order())
    checkout = await harness.gateway.create_checkout(request)
    payment = payment_for(request, checkout, harness.gateway.name)

    assert capabilities.currencies
    assert capabilities.currencies <= supported_currencies()
    assert request.order.price.currency in capabilities.currencies
    assert harness.gateway.name.isidentifier()
    if capabilities.checkout_kind in {CheckoutKind.REDIRECT_URL, CheckoutKind.TELEGRAM_LINK}:
        assert checkout.url is not None
        assert checkout.url.startswith("https://")
    if capabilities.refund is RefundSupport.MANUAL:
        with pytest.raises(RefundNotSupportedError):
            await harness.gateway.refund(payment, None, idempotency_key=f"refund:{payment.id}")
    if capabilities.partial_refund:
        assert capabilities.refund is RefundSupport.API
