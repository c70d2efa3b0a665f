from datetime import timedelta

import pytest

from shop_domain.errors import PaymentProviderError
from shop_domain.events import PaymentSucceeded
from shop_domain.model.ids import PaymentId
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.ports.payment_gateway import NotificationKind
from shop_domain.services.billing.confirm_payment import ConfirmationOutcome
from shop_domain.services.billing.reconcile_pending_payments import (
    ReconcilePendingPayments,
    ReconcilePendingPaymentsRequest,
    ReconciliationReport,
)
from tests.unit.fakes import FakePaymentGateway, FakePaymentGateways
from tests.unit.services.payment_steps import checkout, notification
from tests.unit.services.shop_harness import Shop

REQUEST = ReconcilePendingPaymentsRequest(min_age=timedelta(minutes=10))


class BrokenStatusGateway(FakePaymentGateway):
    async def fetch_status(self, payment: Payment) -> None:
        raise PaymentProviderError("status API down")


@pytest.fixture
async def ready(shop: Shop) -> Shop:
    await shop.add_plan()
    await shop.add_customer(1)
    return shop


def reconciler(shop: Shop, gateway: FakePaymentGateway | None = None) -> ReconcilePendingPayments:
    gateways = FakePaymentGateways(gateway or shop.gateway, shop.stars)
    return ReconcilePendingPayments(shop.uow, shop.clock, gateways, shop.confirm)


async def status(shop: Shop, payment_id: PaymentId) -> PaymentStatus:
    async with shop.uow() as uow:
        payment = await uow.payments.get(payment_id)
    assert payment is not None
    return payment.status


async def test_a_lost_webhook_is_credited_by_reconciliation(ready: Shop) -> None:
    result = await checkout(ready)
    found = notification(result, event_id=f"status:{result.payment_id}:paid")
    ready.gateway.statuses[result.payment_id] = found
    ready.clock.advance(minutes=11)
    report = await reconciler(ready).execute(REQUEST)
    assert report == ReconciliationReport(checked=1, credited=1)
    assert await status(ready, result.payment_id) is PaymentStatus.PAID
    # The webhook arriving after all credits nothing more.
    late = await ready.confirm.execute(notification(result, event_id="evt-late"), b"{}")
    assert late.outcome is ConfirmationOutcome.ALREADY_CREDITED
    assert len(ready.notifier.of_type(PaymentSucceeded)) == 1


async def test_young_payments_wait_for_their_webhook(ready: Shop) -> None:
    result = await checkout(ready)
    ready.gateway.statuses[result.payment_id] = notification(result)
    ready.clock.advance(minutes=9)
    report = await reconciler(ready).execute(REQUEST)
    assert report.checked == 0
    assert await status(ready, result.payment_id) is PaymentStatus.PENDING


@pytest.mark.parametrize("reported", [None, NotificationKind.PENDING])
async def test_still_pending_is_left_alone(ready: Shop, reported: NotificationKind | None) -> None:
    result = await checkout(ready)
    if reported is not None:
        ready.gateway.statuses[result.payment_id] = notification(result, kind=reported)
    ready.clock.advance(minutes=30)
    report = await reconciler(ready).execute(REQUEST)
    assert report == ReconciliationReport(checked=1, still_pending=1)
    assert await status(ready, result.payment_id) is PaymentStatus.PENDING
    assert not ready.store.state.events  # nothing stored for a no-op


async def test_a_checkout_past_its_ttl_paid_late_is_still_credited(ready: Shop) -> None:
    result = await checkout(ready)
    ready.clock.advance(hours=5)  # far past the 60-minute checkout TTL
    ready.gateway.statuses[result.payment_id] = notification(result)
    report = await reconciler(ready).execute(REQUEST)
    assert report.credited == 1
    assert await status(ready, result.payment_id) is PaymentStatus.PAID


async def test_provider_failure_and_expiry_are_recorded(ready: Shop) -> None:
    result = await checkout(ready)
    ready.gateway.statuses[result.payment_id] = notification(result, kind=NotificationKind.EXPIRED)
    ready.clock.advance(minutes=20)
    report = await reconciler(ready).execute(REQUEST)
    assert report == ReconciliationReport(checked=1, closed=1)
    assert await status(ready, result.payment_id) is PaymentStatus.EXPIRED


async def test_after_give_up_the_payment_is_expired_but_a_late_payment_counts(
    ready: Shop,
) -> None:
    result = await checkout(ready)
    ready.clock.advance(days=3)
    report = await reconciler(ready).execute(REQUEST)
    assert report == ReconciliationReport(checked=1, given_up=1)
    assert await status(ready, result.payment_id) is PaymentStatus.EXPIRED
    late = await ready.confirm.execute(notification(result), b"{}")
    assert late.outcome is ConfirmationOutcome.CREDITED


async def test_an_unreachable_provider_is_asked_again_next_run(ready: Shop) -> None:
    result = await checkout(ready)
    ready.clock.advance(minutes=20)
    report = await reconciler(ready, BrokenStatusGateway()).execute(REQUEST)
    assert report == ReconciliationReport(checked=1, errors=1)
    assert await status(ready, result.payment_id) is PaymentStatus.PENDING


async def test_a_disabled_provider_is_skipped(ready: Shop) -> None:
    await checkout(ready)
    ready.clock.advance(minutes=20)
    gateways = FakePaymentGateways(ready.stars)
    report = await ReconcilePendingPayments(
        ready.uow, ready.clock, gateways, ready.confirm
    ).execute(REQUEST)
    assert report == ReconciliationReport(checked=1, skipped=1)


async def test_a_nonsensical_request_is_refused(ready: Shop) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        await reconciler(ready).execute(ReconcilePendingPaymentsRequest(batch_size=0))
