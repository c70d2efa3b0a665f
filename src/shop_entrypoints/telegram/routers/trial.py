"""The free trial button. A double tap is refused by StartTrial (TrialAlreadyUsedError) and
answered by the error router; one trial is ever created."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from shop_domain.model.customers import Customer
from shop_domain.services.core.start_trial import StartTrial
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from shop_entrypoints.telegram.formatting import format_date
from shop_entrypoints.telegram.keyboards.menu import back_to_menu
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


@router.callback_query(MenuCallback.filter(F.screen == Screen.TRIAL))
async def on_trial(
    callback: CallbackQuery, customer: Customer, start_trial: StartTrial, texts: Texts
) -> None:
    result = await start_trial.execute(customer.id)
    lang = customer.language
    subscription = result.subscription
    date = format_date(subscription.expires_at, lang)
    url = subscription.subscription_url
    if result.provisioned and url:
        text = texts.get(lang, "trial-started", date=date, url=url)
    else:
        text = texts.get(lang, "trial-pending", date=date)
    await show(callback, text, back_to_menu(texts, lang))
