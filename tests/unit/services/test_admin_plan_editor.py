"""The plan editor's field edits, the panel squad list, and customer search edge cases."""

import pytest

from shop_domain.errors import CustomerNotFoundError, InvalidPlanError, PlanNotAvailableError
from shop_domain.model.ids import PlanId
from shop_domain.model.money import Money
from shop_domain.model.plans import GIB, DurationOption, PlanVisibility
from shop_domain.ports.vpn_panel import InternalSquad
from shop_domain.services.admin.find_customer import FindCustomer
from shop_domain.services.admin.list_panel_squads import ListPanelSquads
from shop_domain.services.admin.manage_plans import PLAN_ID_LENGTH, ManagePlans
from tests.unit.fakes import FakeVpnPanel
from tests.unit.services.shop_harness import Shop

MONTH = DurationOption(30, {"RUB": Money.of("199", "RUB")})
QUARTER = DurationOption(90, {"RUB": Money.of("499", "RUB"), "XTR": Money.of(400, "XTR")})


async def test_a_new_plan_is_hidden_named_and_short_id(shop: Shop) -> None:
    plans = ManagePlans(shop.uow)
    plan = await plans.create("  Pro  ")
    assert (plan.name, plan.visibility, plan.durations) == ("Pro", PlanVisibility.HIDDEN, ())
    assert len(plan.id) == PLAN_ID_LENGTH
    assert await plans.get(plan.id) == plan
    for bad in ("", "   ", "x" * 65):
        with pytest.raises(InvalidPlanError):
            await plans.create(bad)
    assert len(await plans.list_plans()) == 1


async def test_an_empty_plan_cannot_be_shown(shop: Shop) -> None:
    plans = ManagePlans(shop.uow)
    plan = await plans.create("Pro")
    with pytest.raises(InvalidPlanError):
        await plans.set_visibility(plan.id, PlanVisibility.EVERYONE)
    await plans.set_durations(plan.id, [QUARTER, MONTH])
    shown = await plans.set_visibility(plan.id, PlanVisibility.NEW_CUSTOMERS)
    assert shown.visibility is PlanVisibility.NEW_CUSTOMERS
    assert [option.days for option in shown.durations] == [30, 90]  # sorted


async def test_field_edits_keep_the_rest_of_the_plan(shop: Shop) -> None:
    plans = ManagePlans(shop.uow)
    plan = await plans.create("Pro")
    await plans.set_durations(plan.id, [MONTH])
    await plans.set_traffic_limit(plan.id, 50 * GIB)
    await plans.set_device_limit(plan.id, 3)
    await plans.toggle_squad(plan.id, "sq-a")
    await plans.toggle_squad(plan.id, "sq-b")
    await plans.toggle_squad(plan.id, "sq-a")
    renamed = await plans.rename(plan.id, "Pro+")

    assert renamed.name == "Pro+"
    assert renamed.durations == (MONTH,)
    assert renamed.limits.traffic_limit_bytes == 50 * GIB
    assert renamed.limits.device_limit == 3
    assert renamed.limits.internal_squads == ("sq-b",)
    assert await plans.get(plan.id) == renamed


async def test_bad_edits_change_nothing(shop: Shop) -> None:
    plans = ManagePlans(shop.uow)
    plan = await plans.create("Pro")
    with pytest.raises(InvalidPlanError):
        await plans.set_durations(plan.id, [])
    with pytest.raises(InvalidPlanError):
        await plans.set_durations(plan.id, [MONTH, MONTH])
    with pytest.raises(InvalidPlanError):
        await plans.set_traffic_limit(plan.id, -1)
    with pytest.raises(InvalidPlanError):
        await plans.set_device_limit(plan.id, -1)
    assert await plans.get(plan.id) == plan
    for edit in (plans.get(PlanId("nope")), plans.rename(PlanId("nope"), "x")):
        with pytest.raises(PlanNotAvailableError):
            await edit


async def test_panel_squads_are_listed_by_name() -> None:
    panel = FakeVpnPanel()

    async def squads() -> list[InternalSquad]:
        return [InternalSquad("u2", "beta"), InternalSquad("u1", "Alpha", 3)]

    panel.list_internal_squads = squads  # type: ignore[method-assign]
    assert [s.name for s in await ListPanelSquads(panel).execute()] == ["Alpha", "beta"]


async def test_search_edge_cases_find_nobody(shop: Shop) -> None:
    await shop.add_customer(1)  # no username
    find = FindCustomer(shop.uow)
    for query in ("@", " @ ", "9" * 30):
        with pytest.raises(CustomerNotFoundError):
            await find.execute(query)
    assert (await find.execute(" 1 ")).customer.id == 1
