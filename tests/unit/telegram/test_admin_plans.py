"""The plan editor: create, name, durations and prices, traffic, devices, squads, visibility."""

import pytest

from shop_domain.model.ids import PlanId
from shop_domain.model.money import Money
from shop_domain.model.plans import GIB, Plan, PlanVisibility
from shop_entrypoints.telegram.keyboards.admin.menu import PLANS, AdminSectionCallback
from shop_entrypoints.telegram.keyboards.admin.plans import (
    AdminPlanCallback,
    PlanAction,
    PlanSquadCallback,
    PlanVisibilityCallback,
)
from tests.unit.telegram.admin_harness import AdminHarness, admin_harness

SQUAD = "00000000-0000-4000-8000-000000000001"


@pytest.fixture
def bot() -> AdminHarness:
    return admin_harness()


def _plans(bot: AdminHarness) -> list[Plan]:
    return list(bot.shop.store.state.plans.values())


async def _new_plan(bot: AdminHarness, lang: str, name: str = "Pro") -> Plan:
    await bot.open_admin(lang)
    await bot.admin_tap(AdminSectionCallback(section=PLANS), lang)
    await bot.admin_tap(AdminPlanCallback(action=PlanAction.NEW), lang)
    await bot.admin_says(name, lang)
    (plan,) = _plans(bot)
    return plan


def _edit(action: PlanAction, plan: Plan) -> AdminPlanCallback:
    return AdminPlanCallback(action=action, plan_id=plan.id)


async def test_a_new_plan_starts_hidden_and_cannot_be_shown_empty(
    bot: AdminHarness, lang: str
) -> None:
    plan = await _new_plan(bot, lang)
    assert plan.name == "Pro"
    assert plan.visibility is PlanVisibility.HIDDEN
    assert bot.text(lang, "adm-plan-no-durations") in bot.last_screen()

    await bot.admin_tap(
        PlanVisibilityCallback(plan_id=plan.id, visibility=PlanVisibility.EVERYONE), lang
    )
    assert bot.notices()[-1] == bot.text(lang, "adm-error-invalid_plan")
    assert _plans(bot)[0].visibility is PlanVisibility.HIDDEN


async def test_durations_and_prices_per_currency(bot: AdminHarness, lang: str) -> None:
    plan = await _new_plan(bot, lang)
    await bot.admin_tap(_edit(PlanAction.DURATIONS, plan), lang)
    for bad in (
        "thirty RUB 199",
        "30 RUB",
        "30 RUB -5",
        "30 ABC 5",
        "30 RUB 1.999",
        "30 RUB 1 RUB 2",
    ):
        await bot.admin_says(bad, lang)
        assert bot.last_screen() in {
            bot.text(lang, "adm-error-invalid_plan"),
            bot.text(lang, "adm-error-invalid_money"),
        }, bad
    assert _plans(bot)[0].durations == ()

    await bot.admin_says("90 RUB 499\n30 rub 199,50 XTR 150", lang)
    (saved,) = _plans(bot)
    assert [option.days for option in saved.durations] == [30, 90]
    assert saved.price(30, "RUB") == Money.of("199.50", "RUB")
    assert saved.price(30, "XTR") == Money.of(150, "XTR")
    assert "199.50 ₽ · 150 ⭐" in bot.last_screen()

    await bot.admin_tap(
        PlanVisibilityCallback(plan_id=plan.id, visibility=PlanVisibility.EVERYONE), lang
    )
    assert _plans(bot)[0].visibility is PlanVisibility.EVERYONE
    assert bot.notices()[-1] == bot.text(lang, "adm-saved")


async def test_traffic_and_devices_take_whole_numbers(bot: AdminHarness, lang: str) -> None:
    plan = await _new_plan(bot, lang)
    await bot.admin_tap(_edit(PlanAction.TRAFFIC, plan), lang)
    await bot.admin_says("lots", lang)
    assert bot.last_screen() == bot.text(lang, "adm-number-bad", max=1_000_000)
    await bot.admin_says("-1", lang)
    assert bot.last_screen() == bot.text(lang, "adm-number-bad", max=1_000_000)
    await bot.admin_says("100", lang)
    await bot.admin_tap(_edit(PlanAction.DEVICES, plan), lang)
    await bot.admin_says("5", lang)

    limits = _plans(bot)[0].limits
    assert limits.traffic_limit_bytes == 100 * GIB
    assert limits.device_limit == 5


async def test_rename(bot: AdminHarness, lang: str) -> None:
    plan = await _new_plan(bot, lang)
    await bot.admin_tap(_edit(PlanAction.NAME, plan), lang)
    await bot.admin_says("   ", lang)
    assert bot.last_screen() == bot.text(lang, "adm-error-invalid_plan")
    await bot.admin_says("Pro Max", lang)
    assert [p.name for p in _plans(bot)] == ["Pro Max"]


async def test_squads_come_from_the_panel_and_toggle(bot: AdminHarness, lang: str) -> None:
    plan = await _new_plan(bot, lang)
    await bot.admin_tap(_edit(PlanAction.SQUADS, plan), lang)
    assert bot.buttons()[0] == "Default"
    await bot.admin_tap(PlanSquadCallback(plan_id=plan.id, squad=SQUAD), lang)
    assert _plans(bot)[0].limits.internal_squads == (SQUAD,)
    assert bot.buttons()[0] == "✅ Default"
    await bot.admin_tap(PlanSquadCallback(plan_id=plan.id, squad=SQUAD), lang)
    assert _plans(bot)[0].limits.internal_squads == ()

    await bot.admin_tap(PlanSquadCallback(plan_id=plan.id, squad="not-on-the-panel"), lang)
    assert bot.notices()[-1] == bot.text(lang, "stale-button")
    assert _plans(bot)[0].limits.internal_squads == ()


async def test_squads_with_the_panel_down(bot: AdminHarness, lang: str) -> None:
    plan = await _new_plan(bot, lang)
    bot.shop.panel.down = True
    await bot.admin_tap(_edit(PlanAction.SQUADS, plan), lang)
    assert bot.notices()[-1] == bot.text(lang, "adm-error-vpn_panel_error")


async def test_a_stale_plan_id_is_refused(bot: AdminHarness, lang: str) -> None:
    await bot.open_admin(lang)
    gone = Plan(PlanId("gone"), "Gone", ())
    for data in (
        _edit(PlanAction.SHOW, gone),
        _edit(PlanAction.DURATIONS, gone),
        PlanVisibilityCallback(plan_id="gone", visibility=PlanVisibility.HIDDEN),
    ):
        await bot.admin_tap(data, lang)
        assert bot.notices()[-1] == bot.text(lang, "adm-error-plan_not_available")


async def test_the_plan_list_and_hiding_an_existing_plan(bot: AdminHarness, lang: str) -> None:
    await bot.shop.add_plan()
    await bot.open_admin(lang)
    await bot.admin_tap(AdminSectionCallback(section=PLANS), lang)
    assert bot.last_screen() == bot.text(lang, "adm-plans", count=1)
    assert bot.buttons()[0] == f"Basic · {bot.text(lang, 'adm-visibility-everyone')}"

    await bot.admin_tap(AdminPlanCallback(action=PlanAction.SHOW, plan_id="basic"), lang)
    await bot.admin_tap(
        PlanVisibilityCallback(plan_id="basic", visibility=PlanVisibility.HIDDEN), lang
    )
    assert _plans(bot)[0].visibility is PlanVisibility.HIDDEN
    assert f"✅ {bot.text(lang, 'adm-visibility-hidden')}" in bot.buttons()
