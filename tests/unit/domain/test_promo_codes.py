from datetime import UTC, datetime, timedelta

import pytest

from shop_domain.errors import (
    InvalidPromoCodeError,
    PromoCodeExhaustedError,
    PromoCodeExpiredError,
    PromoCodeNotApplicableError,
)
from shop_domain.model.ids import CustomerId, PlanId, PromoCodeId
from shop_domain.model.promo_codes import (
    ActivationStatus,
    PromoActivation,
    PromoCode,
    PromoKind,
    normalise_code,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BASIC, PREMIUM = PlanId("basic"), PlanId("premium")


def code(
    kind: PromoKind = PromoKind.DISCOUNT_PERCENT, value: int = 20, **fields: object
) -> PromoCode:
    return PromoCode(PromoCodeId("c"), "CODE", kind, value, NOW, **fields)  # type: ignore[arg-type]


def test_promo_codes_are_normalised() -> None:
    assert normalise_code("  spring24 ") == "SPRING24"
    with pytest.raises(InvalidPromoCodeError):
        PromoCode(PromoCodeId("c"), "lower", PromoKind.BONUS_DAYS, 1, NOW)


def test_promo_code_validation() -> None:
    with pytest.raises(InvalidPromoCodeError):
        code(value=0)
    with pytest.raises(InvalidPromoCodeError):
        code(value=100)
    with pytest.raises(InvalidPromoCodeError):
        code(max_activations=0)


def test_promo_valid_until_and_disabled() -> None:
    valid = code(valid_until=NOW + timedelta(days=1))
    valid.check_redeemable(now=NOW, customer_has_paid=False)
    with pytest.raises(PromoCodeExpiredError):
        valid.check_redeemable(now=NOW + timedelta(days=1), customer_has_paid=False)
    with pytest.raises(PromoCodeExpiredError):
        code().disable().check_redeemable(now=NOW, customer_has_paid=False)


def test_promo_max_activations_reached() -> None:
    with pytest.raises(PromoCodeExhaustedError):
        code(max_activations=2, activations=2).check_redeemable(now=NOW, customer_has_paid=False)


def test_promo_new_customers_only_rule() -> None:
    with pytest.raises(PromoCodeNotApplicableError):
        code(new_customers_only=True).check_redeemable(now=NOW, customer_has_paid=True)


def test_promo_restriction_to_plans() -> None:
    restricted = code(plan_ids=frozenset({BASIC}))
    assert restricted.applies_to_plan(BASIC)
    assert not restricted.applies_to_plan(PREMIUM)
    assert code().applies_to_plan(PREMIUM)


def test_promo_discount_reservation_is_time_limited() -> None:
    activation = PromoActivation.for_code(code(reservation_minutes=15), CustomerId(1), NOW)
    assert activation.status is ActivationStatus.RESERVED
    assert activation.discount_for(BASIC, NOW) == 20
    assert activation.discount_for(BASIC, NOW + timedelta(minutes=15)) == 0


def test_promo_reservation_respects_plan_restriction() -> None:
    activation = PromoActivation.for_code(code(plan_ids=frozenset({BASIC})), CustomerId(1), NOW)
    assert activation.discount_for(PREMIUM, NOW) == 0


def test_promo_bonus_days_are_used_at_once() -> None:
    activation = PromoActivation.for_code(code(PromoKind.BONUS_DAYS, 7), CustomerId(1), NOW)
    assert activation.status is ActivationStatus.USED
    assert activation.discount_for(BASIC, NOW) == 0
