"""Plans, their durations, payment methods and the pay button. Buttons carry what was chosen,
never a price."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_domain.model.plans import Plan
from shop_domain.services.billing.list_payment_options import PaymentOption
from shop_domain.services.billing.price_plan import PlanPrices
from shop_entrypoints.telegram.callbacks import MenuCallback, PayCallback, PlanCallback, Screen
from shop_entrypoints.telegram.formatting import format_money
from shop_entrypoints.telegram.texts import Texts


def provider_name(texts: Texts, lang: str, provider: str) -> str:
    message_id = f"provider-{provider}"
    return texts.get(lang, message_id) if texts.has(lang, message_id) else provider


def plans_keyboard(texts: Texts, lang: str, plans: Sequence[Plan]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for plan in plans:
        builder.button(text=plan.name, callback_data=PlanCallback(plan_id=plan.id))
    builder.button(text=texts.get(lang, "btn-back"), callback_data=MenuCallback(screen=Screen.MAIN))
    builder.adjust(1)
    return builder.as_markup()


def durations_keyboard(texts: Texts, lang: str, prices: PlanPrices) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for duration in prices.durations:
        quote = duration.quotes[0]
        price = " / ".join(format_money(q.price) for q in duration.quotes)
        args: dict[str, str | int] = {"days": duration.days, "price": price}
        message_id = "duration-button"
        if quote.discount_percent:
            message_id, args["percent"] = "duration-button-discount", quote.discount_percent
        builder.button(
            text=texts.get(lang, message_id, **args),
            callback_data=PlanCallback(plan_id=prices.plan.id, days=duration.days),
        )
    builder.button(
        text=texts.get(lang, "btn-back"), callback_data=MenuCallback(screen=Screen.CATALOG)
    )
    builder.adjust(1)
    return builder.as_markup()


def methods_keyboard(
    texts: Texts, lang: str, plan_id: str, days: int, options: Sequence[PaymentOption]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for option in options:
        text = texts.get(
            lang,
            "method-button",
            provider=provider_name(texts, lang, option.provider),
            price=format_money(option.quote.price),
        )
        builder.button(
            text=text,
            callback_data=PayCallback(plan_id=plan_id, days=days, provider=option.provider),
        )
    builder.button(text=texts.get(lang, "btn-back"), callback_data=PlanCallback(plan_id=plan_id))
    builder.adjust(1)
    return builder.as_markup()


def pay_keyboard(
    texts: Texts, lang: str, url: str, price: str, plan_id: str
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.get(lang, "btn-pay", price=price), url=url)
    builder.button(text=texts.get(lang, "btn-back"), callback_data=PlanCallback(plan_id=plan_id))
    builder.adjust(1)
    return builder.as_markup()
