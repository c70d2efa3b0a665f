from dataclasses import replace
from typing import Any

import pytest

from shop_domain.model.ids import CustomerId
from shop_domain.model.payments import PaymentStatus
from shop_domain.services.billing.approve_pre_checkout import (
    ApprovePreCheckout,
    PreCheckoutRequest,
    PreCheckoutVerdict,
)
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
    await shop.add_customer(2)
    return shop


def approve(shop: Shop) -> ApprovePreCheckout:
    gateways = FakePaymentGateways(shop.gateway, shop.stars)
    return ApprovePreCheckout(shop.uow, shop.clock, gateways, shop.policy)


def asked(result: CheckoutResult, **changes: Any) -> PreCheckoutRequest:
    request = PreCheckoutRequest(CustomerId(1), str(result.payment_id), "XTR", 150)
    return replace(request, **changes)


async def test_pending_invoice_with_the_order_amount_is_approved(shop: Shop) -> None:
    result = await checkout(shop, provider="stars")
    decision = await approve(shop).execute(asked(result))
    assert decision.ok
    assert decision.payment_id == result.payment_id


@pytest.mark.parametrize(
    ("changes", "verdict"),
    [
        ({"total_amount": 149}, PreCheckoutVerdict.AMOUNT_MISMATCH),
        ({"total_amount": 1500}, PreCheckoutVerdict.AMOUNT_MISMATCH),
        ({"currency": "RUB"}, PreCheckoutVerdict.AMOUNT_MISMATCH),
        ({"currency": "ZZZ"}, PreCheckoutVerdict.AMOUNT_MISMATCH),
        ({"invoice_payload": "no-such-payment"}, PreCheckoutVerdict.UNKNOWN_ORDER),
        ({"invoice_payload": ""}, PreCheckoutVerdict.UNKNOWN_ORDER),
        ({"invoice_payload": "x" * 129}, PreCheckoutVerdict.UNKNOWN_ORDER),
        ({"customer_id": CustomerId(2)}, PreCheckoutVerdict.UNKNOWN_ORDER),
    ],
)
async def test_anything_but_the_exact_order_is_refused(
    shop: Shop, changes: dict[str, Any], verdict: PreCheckoutVerdict
) -> None:
    result = await checkout(shop, provider="stars")
    decision = await approve(shop).execute(asked(result, **changes))
    assert decision.verdict is verdict
    assert not decision.ok


async def test_a_redirect_provider_payment_is_not_payable_by_invoice(shop: Shop) -> None:
    result = await checkout(shop, provider="fakepay")
    decision = await approve(shop).execute(asked(result, currency="RUB", total_amount=19900))
    assert decision.verdict is PreCheckoutVerdict.UNKNOWN_ORDER


async def test_an_expired_checkout_is_refused(shop: Shop) -> None:
    result = await checkout(shop, provider="stars")
    shop.clock.advance(minutes=shop.policy.checkout_ttl_minutes + 1)
    decision = await approve(shop).execute(asked(result))
    assert decision.verdict is PreCheckoutVerdict.EXPIRED


async def test_a_paid_invoice_is_not_paid_twice(shop: Shop) -> None:
    result = await checkout(shop, provider="stars")
    async with shop.uow() as uow:
        await uow.payments.transition(result.payment_id, PaymentStatus.PAID, shop.clock.now())
        await uow.commit()
    decision = await approve(shop).execute(asked(result))
    assert decision.verdict is PreCheckoutVerdict.NOT_PAYABLE


async def test_a_banned_customer_cannot_pay(shop: Shop) -> None:
    result = await checkout(shop, provider="stars")
    async with shop.uow() as uow:
        customer = await uow.customers.get(CustomerId(1))
        assert customer is not None
        await uow.customers.update(replace(customer, is_banned=True))
        await uow.commit()
    decision = await approve(shop).execute(asked(result))
    assert decision.verdict is PreCheckoutVerdict.NOT_PAYABLE
