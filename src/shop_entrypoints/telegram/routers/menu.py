"""The main menu, from a button or /menu. It costs no database read of its own."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from shop_entrypoints.telegram.keyboards.menu import main_menu
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


async def leave_open_question(state: FSMContext, raw_state: str | None) -> None:
    """Back at the menu, a half-answered question (a promo code prompt) is dropped. The FSM
    middleware has read the state already, so this costs nothing unless one is open."""
    if raw_state is not None:
        await state.clear()


@router.callback_query(MenuCallback.filter(F.screen == Screen.MAIN))
async def on_main_menu(
    callback: CallbackQuery,
    customer: Customer,
    texts: Texts,
    bot_config: BotConfig,
    state: FSMContext,
    raw_state: str | None = None,
) -> None:
    await leave_open_question(state, raw_state)
    menu = main_menu(texts, customer, bot_config)
    await show(callback, texts.get(customer.language, "menu-title"), menu)


@router.message(Command("menu"))
async def on_menu_command(
    message: Message,
    customer: Customer,
    texts: Texts,
    bot_config: BotConfig,
    state: FSMContext,
    raw_state: str | None = None,
) -> None:
    await leave_open_question(state, raw_state)
    menu = main_menu(texts, customer, bot_config)
    await show(message, texts.get(customer.language, "menu-title"), menu)
