"""Ad campaigns: each one's results (starts, trials, purchases, revenue) and its deep link;
a new campaign is typed as `CODE Name of the campaign`."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from shop_domain.model.campaigns import CampaignStats
from shop_domain.model.customers import Customer
from shop_domain.services.admin.manage_campaigns import ManageCampaigns
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.keyboards.admin.campaigns import (
    NewCampaignCallback,
    campaigns_keyboard,
)
from shop_entrypoints.telegram.keyboards.admin.menu import CAMPAIGNS, AdminSectionCallback, back_to
from shop_entrypoints.telegram.routers.admin.states import TYPED, AdminCampaignStates
from shop_entrypoints.telegram.routers.admin.statistics import format_revenue
from shop_entrypoints.telegram.routers.admin.typed_input import expect_text, typed_match
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

NEW_CAMPAIGN = re.compile(r"([A-Za-z0-9_-]{1,48})(?:\s+(.{1,64}))?", re.DOTALL)
LISTED = 20


def deep_link(config: BotConfig, payload: str) -> str:
    return f"https://t.me/{config.bot_username}?start={payload}"


def _campaign(texts: Texts, lang: str, stats: CampaignStats, config: BotConfig) -> str:
    campaign = stats.campaign
    return texts.get(
        lang,
        "adm-campaign",
        name=campaign.name,
        starts=stats.starts,
        trials=stats.trials,
        purchases=stats.purchases,
        revenue=format_revenue(stats.revenue),
        link=deep_link(config, f"c_{campaign.code}"),
    )


@router.callback_query(AdminSectionCallback.filter(F.section == CAMPAIGNS))
async def on_campaigns(
    callback: CallbackQuery,
    customer: Customer,
    state: FSMContext,
    manage_campaigns: ManageCampaigns,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    await state.clear()
    lang = customer.language
    reports = await manage_campaigns.report()
    reports.sort(key=lambda stats: stats.campaign.created_at, reverse=True)
    blocks = [_campaign(texts, lang, stats, bot_config) for stats in reports[:LISTED]]
    header = texts.get(lang, "adm-campaigns", count=len(reports))
    await show(callback, "\n\n".join([header, *blocks]), campaigns_keyboard(texts, lang))


@router.callback_query(NewCampaignCallback.filter())
async def on_new_campaign(
    callback: CallbackQuery, customer: Customer, state: FSMContext, texts: Texts
) -> None:
    await state.set_state(AdminCampaignStates.waiting_for_campaign)
    lang = customer.language
    await show(callback, texts.get(lang, "adm-campaign-ask"), back_to(texts, lang, CAMPAIGNS))


@router.message(AdminCampaignStates.waiting_for_campaign, TYPED)
async def on_campaign_typed(
    message: Message,
    customer: Customer,
    state: FSMContext,
    manage_campaigns: ManageCampaigns,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    lang = customer.language
    typed = typed_match(message, NEW_CAMPAIGN)
    if typed is None:
        text = texts.get(lang, "adm-campaign-bad-format")
        await message.answer(text, reply_markup=back_to(texts, lang, CAMPAIGNS))
        return
    code, name = typed.groups()
    campaign, payload = await manage_campaigns.create(code, name or code)
    await state.clear()
    link = deep_link(bot_config, payload)
    text = texts.get(lang, "adm-campaign-created", name=campaign.name, link=link)
    await message.answer(text, reply_markup=campaigns_keyboard(texts, lang))


expect_text(router, AdminCampaignStates.waiting_for_campaign)
