import pytest

from shop_domain.errors import InvalidPlanError, PriceNotAvailableError
from shop_domain.model.ids import PlanId
from shop_domain.model.money import Money
from shop_domain.model.plans import (
    AccessLimits,
    DurationOption,
    Plan,
    PlanVisibility,
    TrialOffer,
)

RUB_100 = Money.of("100", "RUB")


def plan(visibility: PlanVisibility = PlanVisibility.EVERYONE) -> Plan:
    return Plan(
        PlanId("p"),
        "Plan",
        (DurationOption(30, {"RUB": RUB_100, "XTR": Money.of(80, "XTR")}),),
        visibility=visibility,
    )


def test_plan_price_per_currency_for_each_duration() -> None:
    assert plan().price(30, "RUB") == RUB_100
    assert plan().price(30, "XTR") == Money.of(80, "XTR")
    assert plan().currencies() == {"RUB", "XTR"}


def test_plan_unknown_duration_or_currency_has_no_price() -> None:
    with pytest.raises(PriceNotAvailableError):
        plan().price(60, "RUB")
    with pytest.raises(PriceNotAvailableError):
        plan().price(30, "USD")


@pytest.mark.parametrize(
    ("visibility", "new_sees", "existing_sees"),
    [
        (PlanVisibility.EVERYONE, True, True),
        (PlanVisibility.NEW_CUSTOMERS, True, False),
        (PlanVisibility.EXISTING_CUSTOMERS, False, True),
        (PlanVisibility.HIDDEN, False, False),
    ],
)
def test_plan_visibility(visibility: PlanVisibility, new_sees: bool, existing_sees: bool) -> None:
    assert plan(visibility).is_visible_to(has_paid_before=False) is new_sees
    assert plan(visibility).is_visible_to(has_paid_before=True) is existing_sees


def test_plan_validation() -> None:
    with pytest.raises(InvalidPlanError):
        Plan(PlanId("p"), " ", ())
    with pytest.raises(InvalidPlanError):
        Plan(PlanId("p"), "P", (DurationOption(30, {}), DurationOption(30, {})))
    with pytest.raises(InvalidPlanError):
        DurationOption(0, {})
    with pytest.raises(InvalidPlanError):
        DurationOption(30, {"USD": RUB_100})
    with pytest.raises(InvalidPlanError):
        DurationOption(30, {"RUB": Money.zero("RUB")})


def test_access_limits_validation() -> None:
    with pytest.raises(InvalidPlanError):
        AccessLimits(traffic_limit_bytes=-1)
    with pytest.raises(InvalidPlanError):
        AccessLimits(device_limit=-1)


def test_trial_offer_with_its_own_duration() -> None:
    assert TrialOffer(enabled=True, days=3).days == 3
    assert not TrialOffer(enabled=False, days=0).enabled
    with pytest.raises(InvalidPlanError):
        TrialOffer(enabled=True, days=0)
