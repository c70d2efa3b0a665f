"""`/admin` and the admin main menu. Going back to the menu drops any open question."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from shop_domain.model.customers import Customer
from shop_entrypoints.telegram.keyboards.admin.menu import HOME, AdminSectionCallback, admin_menu
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


@router.message(Command("admin"))
async def on_admin_command(
    message: Message, customer: Customer, state: FSMContext, texts: Texts
) -> None:
    await state.clear()
    lang = customer.language
    await show(message, texts.get(lang, "adm-menu-title"), admin_menu(texts, lang))


@router.callback_query(AdminSectionCallback.filter(F.section == HOME))
async def on_admin_home(
    callback: CallbackQuery, customer: Customer, state: FSMContext, texts: Texts
) -> None:
    await state.clear()
    lang = customer.language
    await show(callback, texts.get(lang, "adm-menu-title"), admin_menu(texts, lang))
