"""Referrals: the invitation link with its results, and an inline share card."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import (
    CallbackQuery,
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
)

from shop_domain.model.customers import Customer
from shop_domain.services.core.get_referral_summary import GetReferralSummary
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from shop_entrypoints.telegram.keyboards.account import referral_keyboard, share_keyboard
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

SHARE_CACHE_SECONDS = 300


@router.callback_query(MenuCallback.filter(F.screen == Screen.REFERRAL))
async def on_referral(
    callback: CallbackQuery,
    customer: Customer,
    get_referral_summary: GetReferralSummary,
    texts: Texts,
    bot_config: BotConfig,
) -> None:
    lang = customer.language
    summary = await get_referral_summary.execute(customer.id)
    link = bot_config.referral_link(summary.referral_code)
    text = texts.get(
        lang, "referral-info", link=link, invited=summary.invited, days=summary.bonus_days
    )
    await show(callback, text, referral_keyboard(texts, lang))


@router.inline_query()
async def on_inline_share(
    query: InlineQuery, customer: Customer, texts: Texts, bot_config: BotConfig
) -> None:
    lang = customer.language
    link = bot_config.referral_link(customer.referral_code)
    card = InlineQueryResultArticle(
        id="referral",
        title=texts.get(lang, "inline-share-title"),
        description=texts.get(lang, "inline-share-description"),
        input_message_content=InputTextMessageContent(
            message_text=texts.get(lang, "inline-share-text", link=link)
        ),
        reply_markup=share_keyboard(texts, lang, link),
    )
    await query.answer([card], cache_time=SHARE_CACHE_SECONDS, is_personal=True)
