"""The catalogue: plans -> durations with server-side prices -> payment methods."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from shop_domain.model.customers import Customer
from shop_domain.model.ids import PlanId
from shop_domain.model.plans import Plan
from shop_domain.services.billing.list_payment_options import (
    ListPaymentOptions,
    ListPaymentOptionsRequest,
)
from shop_domain.services.billing.list_plans import ListPlans
from shop_domain.services.billing.price_plan import PricePlan
from shop_entrypoints.telegram.callbacks import MenuCallback, PlanCallback, Screen
from shop_entrypoints.telegram.formatting import format_traffic
from shop_entrypoints.telegram.keyboards.catalog import (
    durations_keyboard,
    methods_keyboard,
    plans_keyboard,
)
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


def _plan_text(plan: Plan, texts: Texts, lang: str) -> str:
    lines = [texts.get(lang, "plan-header", name=plan.name)]
    if plan.description:
        lines.append(plan.description)
    limit = plan.limits.traffic_limit_bytes
    if limit:
        lines.append(texts.get(lang, "plan-traffic", gb=format_traffic(limit)))
    else:
        lines.append(texts.get(lang, "plan-traffic-unlimited"))
    if plan.limits.device_limit:
        lines.append(texts.get(lang, "plan-devices", count=plan.limits.device_limit))
    return "\n".join(lines) + "\n\n" + texts.get(lang, "plan-choose-duration")


@router.callback_query(MenuCallback.filter(F.screen == Screen.CATALOG))
async def on_catalog(
    callback: CallbackQuery, customer: Customer, list_plans: ListPlans, texts: Texts
) -> None:
    lang = customer.language
    plans = await list_plans.execute(customer.id)
    text = texts.get(lang, "catalog-title" if plans else "catalog-empty")
    await show(callback, text, plans_keyboard(texts, lang, plans))


@router.callback_query(PlanCallback.filter(F.days == 0))
async def on_plan(
    callback: CallbackQuery,
    callback_data: PlanCallback,
    customer: Customer,
    price_plan: PricePlan,
    texts: Texts,
) -> None:
    lang = customer.language
    prices = await price_plan.execute(customer.id, PlanId(callback_data.plan_id))
    text = _plan_text(prices.plan, texts, lang)
    await show(callback, text, durations_keyboard(texts, lang, prices))


@router.callback_query(PlanCallback.filter(F.days > 0))
async def on_duration(
    callback: CallbackQuery,
    callback_data: PlanCallback,
    customer: Customer,
    list_payment_options: ListPaymentOptions,
    texts: Texts,
) -> None:
    lang = customer.language
    plan_id, days = callback_data.plan_id, callback_data.days
    options = await list_payment_options.execute(
        ListPaymentOptionsRequest(customer.id, PlanId(plan_id), days)
    )
    if not options:
        text = texts.get(lang, "methods-empty")
    else:
        quote = options[0].quote
        text = texts.get(lang, "methods-title", plan=quote.plan_name, days=days)
        if quote.discount_percent:
            note = texts.get(lang, "methods-discount-note", percent=quote.discount_percent)
            text = f"{text}\n\n{note}"
    await show(callback, text, methods_keyboard(texts, lang, plan_id, days, options))
