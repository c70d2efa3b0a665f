"""Typed plan fields: a new plan's name or a new name, the price list, traffic, devices.
A bad value keeps the question open so the operator simply sends it again."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_domain.model.ids import PlanId
from shop_domain.model.plans import GIB, Plan
from shop_domain.services.admin.manage_plans import ManagePlans
from shop_entrypoints.telegram.keyboards.admin.plans import (
    AdminPlanCallback,
    PlanAction,
    back_to_plan,
    plan_keyboard,
)
from shop_entrypoints.telegram.routers.admin.plan_view import parse_durations, plan_text
from shop_entrypoints.telegram.routers.admin.states import TYPED, AdminPlanStates
from shop_entrypoints.telegram.routers.admin.typed_input import expect_text, typed_number
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

MAX_TRAFFIC_GB = 1_000_000
MAX_DEVICES = 1000

_QUESTIONS: dict[PlanAction, tuple[State, str]] = {
    PlanAction.NEW: (AdminPlanStates.waiting_for_name, "adm-plan-ask-name"),
    PlanAction.NAME: (AdminPlanStates.waiting_for_name, "adm-plan-ask-name"),
    PlanAction.DURATIONS: (AdminPlanStates.waiting_for_durations, "adm-plan-ask-durations"),
    PlanAction.TRAFFIC: (AdminPlanStates.waiting_for_traffic, "adm-plan-ask-traffic"),
    PlanAction.DEVICES: (AdminPlanStates.waiting_for_devices, "adm-plan-ask-devices"),
}


@router.callback_query(AdminPlanCallback.filter(F.action.in_(_QUESTIONS)))
async def on_ask(
    callback: CallbackQuery,
    callback_data: AdminPlanCallback,
    customer: Customer,
    state: FSMContext,
    manage_plans: ManagePlans,
    texts: Texts,
) -> None:
    plan_id = callback_data.plan_id
    if callback_data.action is not PlanAction.NEW:
        await manage_plans.get(PlanId(plan_id))  # a stale or forged plan id stops here
    waiting, message_id = _QUESTIONS[callback_data.action]
    await state.set_state(waiting)
    await state.update_data(plan_id=plan_id if callback_data.action is not PlanAction.NEW else "")
    lang = customer.language
    await show(callback, texts.get(lang, message_id), back_to_plan(texts, lang, plan_id))


async def _saved(message: Message, state: FSMContext, plan: Plan, texts: Texts, lang: str) -> None:
    await state.clear()
    await message.answer(
        plan_text(texts, lang, plan), reply_markup=plan_keyboard(texts, lang, plan)
    )


async def _plan_id(state: FSMContext) -> PlanId:
    return PlanId(str((await state.get_data()).get("plan_id", "")))


@router.message(AdminPlanStates.waiting_for_name, TYPED)
async def on_name(
    message: Message, customer: Customer, state: FSMContext, manage_plans: ManagePlans, texts: Texts
) -> None:
    plan_id, name = await _plan_id(state), message.text or ""
    plan = await (manage_plans.rename(plan_id, name) if plan_id else manage_plans.create(name))
    await _saved(message, state, plan, texts, customer.language)


@router.message(AdminPlanStates.waiting_for_durations, TYPED)
async def on_durations(
    message: Message, customer: Customer, state: FSMContext, manage_plans: ManagePlans, texts: Texts
) -> None:
    durations = parse_durations(message.text or "")
    plan = await manage_plans.set_durations(await _plan_id(state), durations)
    await _saved(message, state, plan, texts, customer.language)


@router.message(AdminPlanStates.waiting_for_traffic, TYPED)
async def on_traffic(
    message: Message, customer: Customer, state: FSMContext, manage_plans: ManagePlans, texts: Texts
) -> None:
    gigabytes = typed_number(message, MAX_TRAFFIC_GB)
    if gigabytes is None:
        await message.answer(texts.get(customer.language, "adm-number-bad", max=MAX_TRAFFIC_GB))
        return
    plan = await manage_plans.set_traffic_limit(await _plan_id(state), gigabytes * GIB)
    await _saved(message, state, plan, texts, customer.language)


@router.message(AdminPlanStates.waiting_for_devices, TYPED)
async def on_devices(
    message: Message, customer: Customer, state: FSMContext, manage_plans: ManagePlans, texts: Texts
) -> None:
    devices = typed_number(message, MAX_DEVICES)
    if devices is None:
        await message.answer(texts.get(customer.language, "adm-number-bad", max=MAX_DEVICES))
        return
    plan = await manage_plans.set_device_limit(await _plan_id(state), devices)
    await _saved(message, state, plan, texts, customer.language)


expect_text(
    router,
    AdminPlanStates.waiting_for_name,
    AdminPlanStates.waiting_for_durations,
    AdminPlanStates.waiting_for_traffic,
    AdminPlanStates.waiting_for_devices,
)
