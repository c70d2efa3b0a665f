"""ListPlans, PricePlan and ListPaymentOptions: what the catalogue screens show."""

from dataclasses import replace

import pytest

from shop_domain.errors import PlanNotAvailableError, PriceNotAvailableError
from shop_domain.model.ids import CustomerId, PlanId, PromoCodeId
from shop_domain.model.plans import PlanVisibility
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_domain.services.billing.apply_promo_code import ApplyPromoCodeRequest
from shop_domain.services.billing.list_payment_options import (
    ListPaymentOptions,
    ListPaymentOptionsRequest,
)
from shop_domain.services.billing.list_plans import ListPlans
from shop_domain.services.billing.price_plan import PricePlan
from tests.unit.fakes import T0, FakePaymentGateways
from tests.unit.services.shop_harness import BASIC, Shop, basic_plan


async def test_hidden_plans_are_not_listed(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.add_plan()
    await shop.add_plan(replace(basic_plan(), id=PlanId("vip"), visibility=PlanVisibility.HIDDEN))
    plans = await ListPlans(shop.uow).execute(CustomerId(1))
    assert [p.id for p in plans] == [BASIC]


async def test_prices_every_duration_with_a_reserved_discount(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.add_plan()
    code = PromoCode(PromoCodeId("p"), "SALE", PromoKind.DISCOUNT_PERCENT, 10, T0)
    async with shop.uow() as uow:
        await uow.promo_codes.add(code)
        await uow.commit()
    await shop.apply_promo_code.execute(ApplyPromoCodeRequest(CustomerId(1), "sale"))

    prices = await PricePlan(shop.uow, shop.quote, shop.policy).execute(CustomerId(1), BASIC)

    month, quarter = prices.durations
    assert [q.price.currency for q in month.quotes] == ["RUB", "XTR"]
    assert str(month.quotes[0].price) == "179.10 RUB"
    assert month.quotes[0].discount_percent == 10
    assert [q.price.currency for q in quarter.quotes] == ["RUB"]


async def test_unknown_plan_is_not_available(shop: Shop) -> None:
    await shop.add_customer(1)
    with pytest.raises(PlanNotAvailableError):
        await PricePlan(shop.uow, shop.quote, shop.policy).execute(CustomerId(1), PlanId("x"))


def _options(shop: Shop) -> ListPaymentOptions:
    gateways = FakePaymentGateways(shop.gateway, shop.stars)
    return ListPaymentOptions(shop.uow, gateways, shop.quote, shop.policy)


async def test_offers_each_provider_in_a_currency_it_takes(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.add_plan()
    options = await _options(shop).execute(ListPaymentOptionsRequest(CustomerId(1), BASIC, 30))
    assert [(o.provider, str(o.quote.price)) for o in options] == [
        ("fakepay", "199.00 RUB"),
        ("stars", "150 XTR"),
    ]
    quarter = await _options(shop).execute(ListPaymentOptionsRequest(CustomerId(1), BASIC, 90))
    assert [o.provider for o in quarter] == ["fakepay"]


async def test_a_stale_duration_is_refused(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.add_plan()
    with pytest.raises(PriceNotAvailableError):
        await _options(shop).execute(ListPaymentOptionsRequest(CustomerId(1), BASIC, 7))
    with pytest.raises(PlanNotAvailableError):
        await _options(shop).execute(ListPaymentOptionsRequest(CustomerId(1), PlanId("x"), 30))
