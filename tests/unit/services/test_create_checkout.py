import pytest

from shop_domain.errors import (
    CheckoutInProgressError,
    CustomerBannedError,
    PaymentMethodNotAvailableError,
    PaymentProviderError,
    PlanNotAvailableError,
    PriceNotAvailableError,
)
from shop_domain.model.ids import CustomerId, PlanId
from shop_domain.model.money import Money
from shop_domain.model.payments import PaymentStatus
from shop_domain.ports.payment_gateway import Checkout, CheckoutKind, CheckoutRequest
from shop_domain.services.billing.create_checkout import CreateCheckoutRequest
from tests.unit.services.payment_steps import checkout
from tests.unit.services.shop_harness import Shop


@pytest.fixture
async def ready(shop: Shop) -> Shop:
    await shop.add_plan()
    await shop.add_customer(1)
    return shop


async def test_price_is_computed_on_the_server_and_snapshotted(ready: Shop) -> None:
    result = await checkout(ready)
    assert result.amount == Money.of("199", "RUB")
    assert result.url is not None
    async with ready.uow() as uow:
        order = await uow.orders.get(result.order.id)
        payment = await uow.payments.get(result.payment_id)
    assert order is not None
    assert order.price == Money.of("199", "RUB")
    assert payment is not None
    assert payment.status is PaymentStatus.PENDING
    assert payment.provider_payment_id == f"prov-{result.payment_id}"


async def test_local_order_exists_before_the_provider_is_called(ready: Shop) -> None:
    seen: list[bool] = []
    original = ready.gateway.create_checkout

    async def spy(request: CheckoutRequest) -> Checkout:
        async with ready.uow() as uow:
            seen.append(await uow.payments.get(request.payment_id) is not None)
        return await original(request)

    ready.gateway.create_checkout = spy  # type: ignore[method-assign]
    await checkout(ready)
    assert seen == [True]


async def test_double_tap_returns_the_open_checkout(ready: Shop) -> None:
    first = await checkout(ready)
    second = await checkout(ready)
    assert second.reused
    assert second.payment_id == first.payment_id
    assert len(ready.gateway.created) == 1


async def test_concurrent_checkout_of_one_customer_is_refused(ready: Shop) -> None:
    await ready.locks.acquire("checkout:1", 30)
    with pytest.raises(CheckoutInProgressError):
        await checkout(ready)


async def test_stars_checkout_is_priced_in_xtr(ready: Shop) -> None:
    result = await checkout(ready, provider="stars")
    assert result.kind is CheckoutKind.TELEGRAM_INVOICE
    assert result.amount == Money.of(150, "XTR")


async def test_provider_without_a_price_in_its_currency_is_refused(ready: Shop) -> None:
    with pytest.raises(PriceNotAvailableError):
        await checkout(ready, days=90, provider="stars")


async def test_unknown_provider_is_refused(ready: Shop) -> None:
    with pytest.raises(PaymentMethodNotAvailableError):
        await checkout(ready, provider="nope")


async def test_hidden_or_unknown_plan_is_refused(ready: Shop) -> None:
    with pytest.raises(PlanNotAvailableError):
        await ready.checkout.execute(
            CreateCheckoutRequest(CustomerId(1), PlanId("nope"), 30, "fakepay")
        )


async def test_banned_customer_cannot_check_out(ready: Shop) -> None:
    await ready.add_customer(2, is_banned=True)
    with pytest.raises(CustomerBannedError):
        await checkout(ready, customer=2)


async def test_provider_failure_marks_the_payment_failed(ready: Shop) -> None:
    ready.gateway.failing = True
    with pytest.raises(PaymentProviderError):
        await checkout(ready)
    async with ready.uow() as uow:
        payments = await uow.payments.list_for_customer(CustomerId(1), 5)
    assert [p.status for p in payments] == [PaymentStatus.FAILED]
    assert not ready.locks.held
