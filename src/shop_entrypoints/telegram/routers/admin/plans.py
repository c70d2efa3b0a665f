"""The plan list, one plan's screen, its visibility, and its squads from the panel."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from shop_domain.model.customers import Customer
from shop_domain.model.ids import PlanId
from shop_domain.services.admin.list_panel_squads import ListPanelSquads
from shop_domain.services.admin.manage_plans import ManagePlans
from shop_entrypoints.telegram.keyboards.admin.menu import PLANS, AdminSectionCallback
from shop_entrypoints.telegram.keyboards.admin.plans import (
    AdminPlanCallback,
    PlanAction,
    PlanSquadCallback,
    PlanVisibilityCallback,
    plan_keyboard,
    plans_keyboard,
    squads_keyboard,
)
from shop_entrypoints.telegram.routers.admin.plan_view import plan_text
from shop_entrypoints.telegram.screens import acknowledge, show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


@router.callback_query(AdminSectionCallback.filter(F.section == PLANS))
async def on_plans(
    callback: CallbackQuery,
    customer: Customer,
    state: FSMContext,
    manage_plans: ManagePlans,
    texts: Texts,
) -> None:
    await state.clear()
    lang = customer.language
    plans = await manage_plans.list_plans()
    text = texts.get(lang, "adm-plans", count=len(plans))
    await show(callback, text, plans_keyboard(texts, lang, plans))


@router.callback_query(AdminPlanCallback.filter(F.action == PlanAction.SHOW))
async def on_plan(
    callback: CallbackQuery,
    callback_data: AdminPlanCallback,
    customer: Customer,
    state: FSMContext,
    manage_plans: ManagePlans,
    texts: Texts,
) -> None:
    await state.clear()
    lang = customer.language
    plan = await manage_plans.get(PlanId(callback_data.plan_id))
    await show(callback, plan_text(texts, lang, plan), plan_keyboard(texts, lang, plan))


@router.callback_query(PlanVisibilityCallback.filter())
async def on_visibility(
    callback: CallbackQuery,
    callback_data: PlanVisibilityCallback,
    customer: Customer,
    manage_plans: ManagePlans,
    texts: Texts,
) -> None:
    lang = customer.language
    plan = await manage_plans.set_visibility(
        PlanId(callback_data.plan_id), callback_data.visibility
    )
    notice = texts.get(lang, "adm-saved")
    await show(
        callback, plan_text(texts, lang, plan), plan_keyboard(texts, lang, plan), notice=notice
    )


@router.callback_query(AdminPlanCallback.filter(F.action == PlanAction.SQUADS))
async def on_squads(
    callback: CallbackQuery,
    callback_data: AdminPlanCallback,
    customer: Customer,
    manage_plans: ManagePlans,
    list_panel_squads: ListPanelSquads,
    texts: Texts,
) -> None:
    lang = customer.language
    plan = await manage_plans.get(PlanId(callback_data.plan_id))
    squads = await list_panel_squads.execute()
    text = texts.get(lang, "adm-plan-squads", name=plan.name, count=len(squads))
    await show(callback, text, squads_keyboard(texts, lang, plan, squads))


@router.callback_query(PlanSquadCallback.filter())
async def on_squad_toggle(
    callback: CallbackQuery,
    callback_data: PlanSquadCallback,
    customer: Customer,
    manage_plans: ManagePlans,
    list_panel_squads: ListPanelSquads,
    texts: Texts,
) -> None:
    lang = customer.language
    squads = await list_panel_squads.execute()
    if callback_data.squad not in {squad.uuid for squad in squads}:
        await acknowledge(callback, texts.get(lang, "stale-button"), alert=True)
        return
    plan = await manage_plans.toggle_squad(PlanId(callback_data.plan_id), callback_data.squad)
    text = texts.get(lang, "adm-plan-squads", name=plan.name, count=len(squads))
    await show(callback, text, squads_keyboard(texts, lang, plan, squads))
