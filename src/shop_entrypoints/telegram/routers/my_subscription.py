"""My subscription: status with live usage (stored state when the panel is down), the QR
code of the link, and connection guides."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import BufferedInputFile, CallbackQuery

from shop_domain.errors import SubscriptionNotFoundError
from shop_domain.model.customers import Customer
from shop_domain.services.core.get_subscription_overview import GetSubscriptionOverview
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import (
    MenuCallback,
    Screen,
    SubscriptionAction,
    SubscriptionCallback,
)
from shop_entrypoints.telegram.keyboards.subscription import (
    back_to_subscription,
    guides_keyboard,
    subscription_keyboard,
)
from shop_entrypoints.telegram.screens import acknowledge, show
from shop_entrypoints.telegram.subscription_view import overview_text, qr_png
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


@router.callback_query(MenuCallback.filter(F.screen == Screen.SUBSCRIPTION))
async def on_my_subscription(
    callback: CallbackQuery,
    customer: Customer,
    get_subscription_overview: GetSubscriptionOverview,
    texts: Texts,
) -> None:
    lang = customer.language
    overview = await get_subscription_overview.execute(customer.id)
    has_link = overview.subscription is not None and overview.subscription_url is not None
    markup = subscription_keyboard(texts, lang, has_link=has_link)
    await show(callback, overview_text(overview, texts, lang), markup)


@router.callback_query(SubscriptionCallback.filter(F.action == SubscriptionAction.QR))
async def on_qr_code(
    callback: CallbackQuery,
    customer: Customer,
    get_subscription_overview: GetSubscriptionOverview,
    texts: Texts,
    bot: Bot,
) -> None:
    overview = await get_subscription_overview.execute(customer.id, with_usage=False)
    url = overview.subscription_url
    if url is None:
        raise SubscriptionNotFoundError(str(customer.id))
    lang = customer.language
    await bot.send_photo(
        customer.id,
        BufferedInputFile(qr_png(url), filename="subscription-qr.png"),
        caption=texts.get(lang, "qr-caption"),
        reply_markup=back_to_subscription(texts, lang),
    )
    await acknowledge(callback)


@router.callback_query(SubscriptionCallback.filter(F.action == SubscriptionAction.GUIDES))
async def on_guides(
    callback: CallbackQuery, customer: Customer, texts: Texts, bot_config: BotConfig
) -> None:
    lang = customer.language
    links = bot_config.guide_links
    text = texts.get(lang, "guides-title" if links else "guides-empty")
    await show(callback, text, guides_keyboard(texts, lang, links))
