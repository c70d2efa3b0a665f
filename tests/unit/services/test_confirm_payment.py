import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest

from shop_domain.errors import PaymentNotFoundError
from shop_domain.events import PaymentHeldForReview, PaymentSucceeded, SubscriptionReady
from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.payments import PaymentStatus
from shop_domain.ports.payment_gateway import NotificationKind
from shop_domain.services.billing.confirm_payment import ConfirmationOutcome
from tests.unit.fakes import T0
from tests.unit.services.payment_steps import checkout, notification
from tests.unit.services.shop_harness import BASIC_LIMITS, Shop


@pytest.fixture
async def ready(shop: Shop) -> Shop:
    await shop.add_plan()
    await shop.add_customer(1)
    return shop


async def payment_status(shop: Shop, payment_id: PaymentId) -> PaymentStatus:
    async with shop.uow() as uow:
        payment = await uow.payments.get(payment_id)
    assert payment is not None
    return payment.status


async def test_paid_notification_credits_and_provisions(ready: Shop) -> None:
    result = await checkout(ready)
    confirmed = await ready.confirm.execute(notification(result), b"{}")
    assert confirmed.outcome is ConfirmationOutcome.CREDITED
    assert await payment_status(ready, result.payment_id) is PaymentStatus.PAID
    await ready.run_queued_jobs()
    assert await payment_status(ready, result.payment_id) is PaymentStatus.PROVISIONED
    user = next(iter(ready.panel.users.values()))
    assert user.expires_at == T0 + timedelta(days=30)
    assert user.limits == BASIC_LIMITS
    assert ready.notifier.of_type(PaymentSucceeded)
    assert ready.notifier.of_type(SubscriptionReady)


async def test_same_event_twice_credits_once(ready: Shop) -> None:
    result = await checkout(ready)
    first = await ready.confirm.execute(notification(result), b"{}")
    second = await ready.confirm.execute(notification(result), b"{}")
    assert first.outcome is ConfirmationOutcome.CREDITED
    assert second.outcome is ConfirmationOutcome.DUPLICATE
    async with ready.uow() as uow:
        subscription = await uow.subscriptions.get_by_customer(CustomerId(1))
    assert subscription is not None
    assert subscription.expires_at == T0 + timedelta(days=30)


async def test_two_signals_for_one_payment_credit_once(ready: Shop) -> None:
    result = await checkout(ready)
    outcomes = await asyncio.gather(
        ready.confirm.execute(notification(result, event_id="webhook"), b"{}"),
        ready.confirm.execute(notification(result, event_id="poller"), b"{}"),
    )
    assert sorted(o.outcome for o in outcomes) == [
        ConfirmationOutcome.ALREADY_CREDITED,
        ConfirmationOutcome.CREDITED,
    ]
    assert len(ready.notifier.of_type(PaymentSucceeded)) == 1


async def test_amount_mismatch_is_held_not_credited(ready: Shop) -> None:
    result = await checkout(ready)
    tampered = notification(result, amount=Money.of("1", "RUB"))
    confirmed = await ready.confirm.execute(tampered, b"{}")
    assert confirmed.outcome is ConfirmationOutcome.HELD
    assert await payment_status(ready, result.payment_id) is PaymentStatus.HELD
    assert ready.notifier.of_type(PaymentHeldForReview)
    async with ready.uow() as uow:
        assert await uow.subscriptions.get_by_customer(CustomerId(1)) is None


async def test_currency_mismatch_is_held_not_credited(ready: Shop) -> None:
    result = await checkout(ready)
    wrong = notification(result, amount=Money.of("199", "USD"))
    confirmed = await ready.confirm.execute(wrong, b"{}")
    assert confirmed.outcome is ConfirmationOutcome.HELD


async def test_missing_amount_is_held(ready: Shop) -> None:
    result = await checkout(ready)
    blank = notification(result)

    confirmed = await ready.confirm.execute(replace(blank, amount=None), b"{}")
    assert confirmed.outcome is ConfirmationOutcome.HELD


async def test_late_payment_after_checkout_expired_is_credited(ready: Shop) -> None:
    result = await checkout(ready)
    expired = await ready.confirm.execute(
        notification(result, kind=NotificationKind.EXPIRED), b"{}"
    )
    assert expired.outcome is ConfirmationOutcome.FAILED
    assert await payment_status(ready, result.payment_id) is PaymentStatus.EXPIRED
    late = await ready.confirm.execute(notification(result), b"{}")
    assert late.outcome is ConfirmationOutcome.CREDITED


async def test_status_never_goes_backwards_from_paid(ready: Shop) -> None:
    result = await checkout(ready)
    await ready.confirm.execute(notification(result), b"{}")
    failed = await ready.confirm.execute(notification(result, kind=NotificationKind.FAILED), b"{}")
    assert failed.outcome is ConfirmationOutcome.IGNORED
    assert await payment_status(ready, result.payment_id) is PaymentStatus.PAID


async def test_pending_notification_changes_nothing(ready: Shop) -> None:
    result = await checkout(ready)
    pending = await ready.confirm.execute(
        notification(result, kind=NotificationKind.PENDING), b"{}"
    )
    assert pending.outcome is ConfirmationOutcome.IGNORED
    assert await payment_status(ready, result.payment_id) is PaymentStatus.PENDING


async def test_unknown_payment_is_not_acknowledged(ready: Shop) -> None:
    result = await checkout(ready)

    foreign = replace(notification(result), payment_ref=PaymentId("x"), provider_payment_id="y")
    with pytest.raises(PaymentNotFoundError):
        await ready.confirm.execute(foreign, b"{}")
    # nothing was recorded, so the provider's retry is processed again
    assert (await ready.confirm.execute(notification(result), b"{}")).outcome is (
        ConfirmationOutcome.CREDITED
    )


async def test_notification_of_another_provider_is_not_matched(ready: Shop) -> None:
    result = await checkout(ready)
    with pytest.raises(PaymentNotFoundError):
        await ready.confirm.execute(notification(result, provider="stars"), b"{}")


async def test_payment_found_by_provider_id_when_metadata_is_missing(ready: Shop) -> None:
    result = await checkout(ready)

    confirmed = await ready.confirm.execute(replace(notification(result), payment_ref=None), b"")
    assert confirmed.outcome is ConfirmationOutcome.CREDITED


async def test_renewal_extends_from_the_current_expiry(ready: Shop) -> None:
    first = await checkout(ready)
    await ready.confirm.execute(notification(first), b"{}")
    ready.clock.advance(days=10)
    second = await checkout(ready)
    await ready.confirm.execute(notification(second), b"{}")
    async with ready.uow() as uow:
        subscription = await uow.subscriptions.get_by_customer(CustomerId(1))
    assert subscription is not None
    assert subscription.expires_at == T0 + timedelta(days=60)


async def test_renewal_resets_traffic_when_the_policy_says_so(ready: Shop) -> None:
    first = await checkout(ready)
    await ready.confirm.execute(notification(first), b"{}")
    await ready.run_queued_jobs()
    ready.clock.advance(days=1)
    second = await checkout(ready)
    await ready.confirm.execute(notification(second), b"{}")
    await ready.run_queued_jobs()
    assert ready.panel.calls.count("reset_traffic") == 1


async def test_panel_down_keeps_payment_and_outbox_provisions_later(ready: Shop) -> None:
    ready.panel.down = True
    result = await checkout(ready)
    await ready.confirm.execute(notification(result), b"{}")
    await ready.run_queued_jobs()
    assert await payment_status(ready, result.payment_id) is PaymentStatus.PAID
    ready.panel.down = False
    ready.clock.advance(minutes=5)
    await ready.retry_provisioning.execute()
    assert await payment_status(ready, result.payment_id) is PaymentStatus.PROVISIONED
    assert len(ready.panel.users) == 1
