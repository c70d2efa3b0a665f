from dataclasses import replace
from datetime import timedelta

import pytest

from shop_domain.errors import (
    PaymentAlreadyProcessedError,
    PaymentNotFoundError,
    RefundNotSupportedError,
)
from shop_domain.events import PaymentRefunded
from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.payments import PaymentStatus
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.ports.payment_gateway import NotificationKind, RefundSupport
from shop_domain.services.billing.confirm_payment import ConfirmationOutcome
from shop_domain.services.billing.refund_payment import RefundPaymentRequest
from tests.unit.fakes import T0, FakePaymentGateway
from tests.unit.services.payment_steps import checkout, notification
from tests.unit.services.shop_harness import Shop


@pytest.fixture
async def paid(shop: Shop) -> tuple[Shop, PaymentId]:
    await shop.add_plan()
    await shop.add_customer(1)
    await shop.add_customer(2, referred_by=CustomerId(1))
    result = await checkout(shop, customer=2)
    await shop.confirm.execute(notification(result), b"{}")
    await shop.run_queued_jobs()
    return shop, result.payment_id


async def subscription_of(shop: Shop, customer: int) -> Subscription:
    async with shop.uow() as uow:
        subscription = await uow.subscriptions.get_by_customer(CustomerId(customer))
    assert subscription is not None
    return subscription


async def test_refund_revokes_access_and_reverses_referral_bonus(
    paid: tuple[Shop, PaymentId],
) -> None:
    shop, payment_id = paid
    shop.clock.advance(days=1)
    reversal = await shop.refund.execute(RefundPaymentRequest(payment_id))
    assert reversal.payment.status is PaymentStatus.REFUNDED
    assert shop.gateway.refunds == [(payment_id, f"refund:{payment_id}")]
    invitee = await subscription_of(shop, 2)
    inviter = await subscription_of(shop, 1)
    assert invitee.status is SubscriptionStatus.EXPIRED
    assert invitee.expires_at == shop.clock.now()
    assert inviter.expires_at == shop.clock.now()
    await shop.run_queued_jobs()
    assert shop.notifier.of_type(PaymentRefunded)


async def test_refund_shortens_a_renewed_subscription(shop: Shop) -> None:
    await shop.add_plan()
    await shop.add_customer(1)
    first = await checkout(shop)
    await shop.confirm.execute(notification(first), b"{}")
    shop.clock.advance(days=1)
    second = await checkout(shop)
    await shop.confirm.execute(notification(second), b"{}")
    await shop.refund.execute(RefundPaymentRequest(second.payment_id))
    subscription = await subscription_of(shop, 1)
    assert subscription.expires_at == T0 + timedelta(days=30)
    assert subscription.status is SubscriptionStatus.ACTIVE


async def test_refund_twice_is_refused(paid: tuple[Shop, PaymentId]) -> None:
    shop, payment_id = paid
    await shop.refund.execute(RefundPaymentRequest(payment_id))
    with pytest.raises(PaymentAlreadyProcessedError):
        await shop.refund.execute(RefundPaymentRequest(payment_id))
    assert len(shop.gateway.refunds) == 1


async def test_provider_refund_event_reverses_once(paid: tuple[Shop, PaymentId]) -> None:
    shop, payment_id = paid
    async with shop.uow() as uow:
        payment = await uow.payments.get(payment_id)
    assert payment is not None
    result = await checkout(shop, customer=2)  # an unrelated open checkout
    refund_event = notification(result, kind=NotificationKind.REFUNDED, event_id="refund-1")
    refund_event = replace(refund_event, payment_ref=payment_id, amount=payment.amount)
    first = await shop.confirm.execute(refund_event, b"{}")
    again = await shop.confirm.execute(replace(refund_event, event_id="refund-2"), b"{}")
    assert first.outcome is ConfirmationOutcome.REFUNDED
    assert again.outcome is ConfirmationOutcome.IGNORED


async def test_manual_refund_only_reverses_access() -> None:
    shop = Shop(gateway=FakePaymentGateway(refund=RefundSupport.MANUAL))
    await shop.add_plan()
    await shop.add_customer(1)
    result = await checkout(shop)
    await shop.confirm.execute(notification(result), b"{}")
    with pytest.raises(RefundNotSupportedError):
        await shop.refund.execute(RefundPaymentRequest(result.payment_id))
    reversal = await shop.refund.execute(
        RefundPaymentRequest(result.payment_id, through_provider=False)
    )
    assert reversal.payment.status is PaymentStatus.REFUNDED
    assert shop.gateway.refunds == []


async def test_refund_of_unknown_or_pending_payment_is_refused(shop: Shop) -> None:
    with pytest.raises(PaymentNotFoundError):
        await shop.refund.execute(RefundPaymentRequest(PaymentId("nope")))
    await shop.add_plan()
    await shop.add_customer(1)
    result = await checkout(shop)
    with pytest.raises(PaymentAlreadyProcessedError):
        await shop.refund.execute(RefundPaymentRequest(result.payment_id))
