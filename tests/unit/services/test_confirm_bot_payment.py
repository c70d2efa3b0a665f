import asyncio

import pytest

from shop_domain.errors import PaymentNotFoundError
from shop_domain.events import PaymentHeldForReview, PaymentRefunded, PaymentSucceeded
from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.provider_events import EventOutcome
from shop_domain.services.billing.confirm_bot_payment import (
    ORPHAN_SOURCE,
    BotPaymentKind,
    BotPaymentRequest,
    ConfirmBotPayment,
)
from shop_domain.services.billing.confirm_payment import ConfirmationOutcome
from shop_domain.services.billing.create_checkout import CheckoutResult
from tests.unit.fakes import FakePaymentGateways
from tests.unit.services.invoice_gateway import FakeInvoiceGateway
from tests.unit.services.payment_steps import checkout
from tests.unit.services.shop_harness import Shop


@pytest.fixture
async def shop() -> Shop:
    shop = Shop(stars=FakeInvoiceGateway())
    await shop.add_plan()
    await shop.add_customer(1)
    return shop


def confirm(shop: Shop) -> ConfirmBotPayment:
    gateways = FakePaymentGateways(shop.gateway, shop.stars)
    return ConfirmBotPayment(shop.uow, shop.clock, gateways, shop.confirm)


def paid(
    result: CheckoutResult,
    amount: int = 150,
    charge: str = "charge-1",
    kind: BotPaymentKind = BotPaymentKind.PAID,
    currency: str = "XTR",
) -> BotPaymentRequest:
    return BotPaymentRequest(
        CustomerId(1), kind, str(result.payment_id), currency, amount, charge, b"{}"
    )


async def stored(shop: Shop, payment_id: PaymentId) -> Payment:
    async with shop.uow() as uow:
        payment = await uow.payments.get(payment_id)
    assert payment is not None
    return payment


async def test_successful_payment_credits_and_keeps_the_charge_id(shop: Shop) -> None:
    result = await checkout(shop, provider="stars")
    confirmed = await confirm(shop).execute(paid(result))
    assert confirmed.outcome is ConfirmationOutcome.CREDITED
    payment = await stored(shop, result.payment_id)
    assert payment.status is PaymentStatus.PAID
    assert payment.provider_payment_id == "charge-1"  # refundStarPayment needs it


async def test_the_same_charge_delivered_twice_credits_once(shop: Shop) -> None:
    result = await checkout(shop, provider="stars")
    outcomes = await asyncio.gather(*(confirm(shop).execute(paid(result)) for _ in range(5)))
    assert sorted(o.outcome for o in outcomes).count(ConfirmationOutcome.CREDITED) == 1
    assert len(shop.notifier.of_type(PaymentSucceeded)) == 1
    assert len(shop.job_queue.jobs) == 1


@pytest.mark.parametrize(("amount", "currency"), [(149, "XTR"), (150, "RUB"), (150, "ZZZ")])
async def test_a_different_amount_is_held(shop: Shop, amount: int, currency: str) -> None:
    result = await checkout(shop, provider="stars")
    confirmed = await confirm(shop).execute(paid(result, amount, currency=currency))
    assert confirmed.outcome is ConfirmationOutcome.HELD
    assert shop.notifier.of_type(PaymentHeldForReview)
    assert (await stored(shop, result.payment_id)).status is PaymentStatus.HELD


async def test_refunded_payment_reverses_access_once(shop: Shop) -> None:
    result = await checkout(shop, provider="stars")
    await confirm(shop).execute(paid(result))
    refund = paid(result, kind=BotPaymentKind.REFUNDED)
    first = await confirm(shop).execute(refund)
    second = await confirm(shop).execute(refund)
    assert first.outcome is ConfirmationOutcome.REFUNDED
    assert second.outcome is ConfirmationOutcome.DUPLICATE
    assert len(shop.notifier.of_type(PaymentRefunded)) == 1


async def test_a_payment_for_no_order_is_kept_as_orphan(shop: Shop) -> None:
    result = await checkout(shop, provider="fakepay")  # not an in-chat invoice
    with pytest.raises(PaymentNotFoundError):
        await confirm(shop).execute(paid(result))
    orphan = shop.store.state.events[ORPHAN_SOURCE, "paid:charge-1"]
    assert orphan.outcome is EventOutcome.ORPHANED
    assert (await stored(shop, result.payment_id)).status is PaymentStatus.PENDING
