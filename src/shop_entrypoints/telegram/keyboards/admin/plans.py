"""The plan editor's buttons: the plan list, one plan's fields, visibility and squads."""

from __future__ import annotations

import enum
from collections.abc import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_domain.model.plans import Plan, PlanVisibility
from shop_domain.ports.vpn_panel import InternalSquad
from shop_entrypoints.telegram.keyboards.admin.menu import HOME, PLANS, section_button
from shop_entrypoints.telegram.texts import Texts

CHECK = "✅ "


class PlanAction(enum.StrEnum):
    SHOW = "show"
    NEW = "new"
    NAME = "name"
    DURATIONS = "durations"
    TRAFFIC = "traffic"
    DEVICES = "devices"
    SQUADS = "squads"


class AdminPlanCallback(CallbackData, prefix="admp"):
    action: PlanAction
    plan_id: str = ""


class PlanVisibilityCallback(CallbackData, prefix="admpv"):
    plan_id: str
    visibility: PlanVisibility


class PlanSquadCallback(CallbackData, prefix="admps"):
    plan_id: str
    squad: str  # the squad's uuid


def plans_keyboard(texts: Texts, lang: str, plans: Sequence[Plan]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for plan in plans:
        visibility = texts.get(lang, f"adm-visibility-{plan.visibility.value}")
        builder.button(
            text=f"{plan.name} · {visibility}",
            callback_data=AdminPlanCallback(action=PlanAction.SHOW, plan_id=plan.id),
        )
    builder.button(
        text=texts.get(lang, "adm-btn-plan-new"),
        callback_data=AdminPlanCallback(action=PlanAction.NEW),
    )
    section_button(builder, texts, lang, HOME)
    builder.adjust(1)
    return builder.as_markup()


def plan_keyboard(texts: Texts, lang: str, plan: Plan) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    fields = (PlanAction.NAME, PlanAction.DURATIONS, PlanAction.TRAFFIC, PlanAction.DEVICES)
    for action in (*fields, PlanAction.SQUADS):
        builder.button(
            text=texts.get(lang, f"adm-btn-plan-{action.value}"),
            callback_data=AdminPlanCallback(action=action, plan_id=plan.id),
        )
    for visibility in PlanVisibility:
        mark = CHECK if visibility is plan.visibility else ""
        builder.button(
            text=mark + texts.get(lang, f"adm-visibility-{visibility.value}"),
            callback_data=PlanVisibilityCallback(plan_id=plan.id, visibility=visibility),
        )
    section_button(builder, texts, lang, PLANS)
    builder.adjust(2, 2, 1, 2, 2, 1)
    return builder.as_markup()


def squads_keyboard(
    texts: Texts, lang: str, plan: Plan, squads: Sequence[InternalSquad]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for squad in squads:
        mark = CHECK if squad.uuid in plan.limits.internal_squads else ""
        builder.button(
            text=f"{mark}{squad.name}",
            callback_data=PlanSquadCallback(plan_id=plan.id, squad=squad.uuid),
        )
    builder.button(
        text=texts.get(lang, "adm-btn-back"),
        callback_data=AdminPlanCallback(action=PlanAction.SHOW, plan_id=plan.id),
    )
    builder.adjust(1)
    return builder.as_markup()


def back_to_plan(texts: Texts, lang: str, plan_id: str | None) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if plan_id:
        builder.button(
            text=texts.get(lang, "btn-cancel"),
            callback_data=AdminPlanCallback(action=PlanAction.SHOW, plan_id=plan_id),
        )
    else:
        section_button(builder, texts, lang, PLANS)
    return builder.as_markup()
