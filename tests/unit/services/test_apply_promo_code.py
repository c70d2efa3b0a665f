from datetime import timedelta

import pytest

from shop_domain.errors import (
    CustomerBannedError,
    CustomerNotFoundError,
    PromoCodeAlreadyUsedError,
    PromoCodeExhaustedError,
    PromoCodeExpiredError,
    PromoCodeNotApplicableError,
    PromoCodeNotFoundError,
)
from shop_domain.model.ids import CustomerId, PlanId, PromoCodeId
from shop_domain.model.money import Money
from shop_domain.model.promo_codes import ActivationStatus, PromoCode, PromoKind
from shop_domain.services.billing.apply_promo_code import ApplyPromoCodeRequest
from shop_domain.services.billing.quote_order import QuoteOrderRequest
from tests.unit.fakes import T0
from tests.unit.services.payment_steps import checkout, notification
from tests.unit.services.shop_harness import BASIC, Shop


async def add_code(shop: Shop, code: str = "SALE", **fields: object) -> PromoCode:
    values: dict[str, object] = {"kind": PromoKind.DISCOUNT_PERCENT, "value": 20}
    values.update(fields)
    promo = PromoCode(PromoCodeId(code.lower()), code, created_at=T0, **values)  # type: ignore[arg-type]
    async with shop.uow() as uow:
        await uow.promo_codes.add(promo)
        await uow.commit()
    return promo


def apply(customer: int, code: str) -> ApplyPromoCodeRequest:
    return ApplyPromoCodeRequest(CustomerId(customer), code)


@pytest.fixture
async def ready(shop: Shop) -> Shop:
    await shop.add_plan()
    await shop.add_customer(1)
    return shop


async def test_promo_bonus_days_extend_access(ready: Shop) -> None:
    await add_code(ready, "DAYS", kind=PromoKind.BONUS_DAYS, value=5)
    result = await ready.apply_promo_code.execute(apply(1, " days "))
    assert result.expires_at == T0 + timedelta(days=5)
    await ready.run_queued_jobs()
    assert len(ready.panel.users) == 1


async def test_promo_discount_is_reserved_and_priced_on_the_server(ready: Shop) -> None:
    await add_code(ready, "SALE", value=20, reservation_minutes=30)
    result = await ready.apply_promo_code.execute(apply(1, "sale"))
    assert result.reserved_until == T0 + timedelta(minutes=30)
    quote = await ready.quote.execute(QuoteOrderRequest(CustomerId(1), BASIC, 30, "RUB"))
    assert quote.price == Money.of("159.20", "RUB")
    assert quote.discount == Money.of("39.80", "RUB")


async def test_promo_discount_reservation_runs_out(ready: Shop) -> None:
    await add_code(ready, "SALE", value=20, reservation_minutes=30)
    await ready.apply_promo_code.execute(apply(1, "SALE"))
    ready.clock.advance(minutes=31)
    quote = await ready.quote.execute(QuoteOrderRequest(CustomerId(1), BASIC, 30, "RUB"))
    assert quote.price == Money.of("199", "RUB")


async def test_promo_discount_is_consumed_by_the_paid_order(ready: Shop) -> None:
    await add_code(ready, "SALE", value=20)
    await ready.apply_promo_code.execute(apply(1, "SALE"))
    result = await checkout(ready)
    await ready.confirm.execute(notification(result), b"{}")
    async with ready.uow() as uow:
        activation = await uow.promo_codes.get_activation(PromoCodeId("sale"), CustomerId(1))
    assert activation is not None
    assert activation.status is ActivationStatus.USED


async def test_promo_restricted_to_plans(ready: Shop) -> None:
    await add_code(ready, "OTHER", value=50, plan_ids=frozenset({PlanId("premium")}))
    await ready.apply_promo_code.execute(apply(1, "OTHER"))
    quote = await ready.quote.execute(QuoteOrderRequest(CustomerId(1), BASIC, 30, "RUB"))
    assert quote.price == Money.of("199", "RUB")


async def test_promo_one_activation_per_customer(ready: Shop) -> None:
    await add_code(ready, "DAYS", kind=PromoKind.BONUS_DAYS, value=5)
    await ready.apply_promo_code.execute(apply(1, "DAYS"))
    with pytest.raises(PromoCodeAlreadyUsedError):
        await ready.apply_promo_code.execute(apply(1, "DAYS"))


async def test_promo_max_activations(ready: Shop) -> None:
    await add_code(ready, "ONCE", kind=PromoKind.BONUS_DAYS, value=5, max_activations=1)
    await ready.add_customer(2)
    await ready.apply_promo_code.execute(apply(1, "ONCE"))
    with pytest.raises(PromoCodeExhaustedError):
        await ready.apply_promo_code.execute(apply(2, "ONCE"))


async def test_promo_valid_until(ready: Shop) -> None:
    await add_code(ready, "OLD", valid_until=T0)
    with pytest.raises(PromoCodeExpiredError):
        await ready.apply_promo_code.execute(apply(1, "OLD"))


async def test_promo_new_customers_only(ready: Shop) -> None:
    await add_code(ready, "NEW", new_customers_only=True)
    await ready.add_customer(2, has_paid=True)
    with pytest.raises(PromoCodeNotApplicableError):
        await ready.apply_promo_code.execute(apply(2, "NEW"))
    await ready.apply_promo_code.execute(apply(1, "NEW"))


async def test_promo_unknown_code(ready: Shop) -> None:
    with pytest.raises(PromoCodeNotFoundError):
        await ready.apply_promo_code.execute(apply(1, "NOPE"))


async def test_promo_unknown_or_banned_customer(ready: Shop) -> None:
    await add_code(ready, "SALE")
    with pytest.raises(CustomerNotFoundError):
        await ready.apply_promo_code.execute(apply(404, "SALE"))
    await ready.add_customer(3, is_banned=True)
    with pytest.raises(CustomerBannedError):
        await ready.apply_promo_code.execute(apply(3, "SALE"))
