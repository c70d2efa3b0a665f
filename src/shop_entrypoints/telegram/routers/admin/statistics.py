"""The statistics screen. A panel that does not answer leaves a note, not an error."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram import F, Router
from aiogram.types import CallbackQuery
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_domain.model.customers import Customer
from shop_domain.model.money import Money
from shop_domain.services.admin.get_shop_statistics import GetShopStatistics, ShopStatistics
from shop_entrypoints.telegram.formatting import format_money
from shop_entrypoints.telegram.keyboards.admin.menu import (
    HOME,
    STATISTICS,
    AdminSectionCallback,
    section_button,
)
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


def format_revenue(revenue: Sequence[Money]) -> str:
    """`199 ₽ · $4.99`, or `0` without any payment."""
    if not revenue:
        return "0"
    return " · ".join(format_money(money) for money in sorted(revenue, key=lambda m: m.currency))


def statistics_text(texts: Texts, lang: str, stats: ShopStatistics) -> str:
    text = texts.get(
        lang,
        "adm-stats",
        customers=stats.customers,
        new_today=stats.new_customers_today,
        active=stats.active_subscriptions,
        trials=stats.active_trials,
        today=format_revenue(stats.revenue_today),
        week=format_revenue(stats.revenue_7_days),
        month=format_revenue(stats.revenue_30_days),
    )
    panel = stats.panel
    if panel is None:
        return f"{text}\n\n{texts.get(lang, 'adm-stats-panel-down')}"
    panel_text = texts.get(
        lang,
        "adm-stats-panel",
        version=panel.version,
        users=panel.total_users,
        online=panel.online_now,
        nodes=panel.nodes_online,
    )
    return f"{text}\n\n{panel_text}"


@router.callback_query(AdminSectionCallback.filter(F.section == STATISTICS))
async def on_statistics(
    callback: CallbackQuery,
    customer: Customer,
    get_shop_statistics: GetShopStatistics,
    texts: Texts,
) -> None:
    lang = customer.language
    stats = await get_shop_statistics.execute()
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get(lang, "adm-btn-refresh"),
        callback_data=AdminSectionCallback(section=STATISTICS),
    )
    section_button(builder, texts, lang, HOME)
    builder.adjust(1)
    await show(callback, statistics_text(texts, lang, stats), builder.as_markup())
