"""Composing a broadcast: the content, then the audience, then a preview to confirm.

The preview is the message itself, exactly as customers will get it, followed by the number
of recipients and the confirm / cancel buttons (routers/admin/broadcast_progress.py).
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from shop_domain.model.broadcasts import Audience, BroadcastContent, MediaKind
from shop_domain.model.customers import Customer
from shop_domain.services.notification.create_broadcast import (
    CreateBroadcast,
    CreateBroadcastRequest,
)
from shop_entrypoints.telegram.broadcast_content import (
    content_from_data,
    content_of,
    content_to_data,
)
from shop_entrypoints.telegram.keyboards.admin.broadcast import (
    BroadcastAudienceCallback,
    audience_choice,
    audience_label,
    confirm_broadcast,
)
from shop_entrypoints.telegram.keyboards.admin.menu import BROADCAST, AdminSectionCallback, back_to
from shop_entrypoints.telegram.screens import acknowledge, show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

_COMPOSABLE = (F.text & ~F.text.startswith("/")) | F.photo | F.video


class BroadcastStates(StatesGroup):
    waiting_for_content = State()
    waiting_for_audience = State()


@router.callback_query(AdminSectionCallback.filter(F.section == BROADCAST))
async def on_broadcast(
    callback: CallbackQuery, customer: Customer, state: FSMContext, texts: Texts
) -> None:
    await state.set_state(BroadcastStates.waiting_for_content)
    lang = customer.language
    await show(callback, texts.get(lang, "adm-bc-ask"), back_to(texts, lang))


@router.message(BroadcastStates.waiting_for_content, _COMPOSABLE)
async def on_content(message: Message, customer: Customer, state: FSMContext, texts: Texts) -> None:
    content = content_of(message)  # InvalidBroadcastError: told by AdminErrorsMiddleware
    await state.update_data(broadcast=content_to_data(content))
    await state.set_state(BroadcastStates.waiting_for_audience)
    lang = customer.language
    await message.answer(
        texts.get(lang, "adm-bc-audience-ask"), reply_markup=audience_choice(texts, lang)
    )


@router.message(BroadcastStates.waiting_for_content)
async def on_unusable_content(message: Message, customer: Customer, texts: Texts) -> None:
    await message.answer(texts.get(customer.language, "adm-bc-unusable"))


@router.callback_query(BroadcastStates.waiting_for_audience, BroadcastAudienceCallback.filter())
async def on_audience(
    callback: CallbackQuery,
    callback_data: BroadcastAudienceCallback,
    customer: Customer,
    state: FSMContext,
    create_broadcast: CreateBroadcast,
    texts: Texts,
) -> None:
    data = await state.get_data()
    await state.clear()
    lang = customer.language
    if "broadcast" not in data:  # a stale button from an earlier session
        await acknowledge(callback, texts.get(lang, "adm-bc-expired"), alert=True)
        return
    audience = Audience(callback_data.kind, callback_data.language)
    request = CreateBroadcastRequest(customer.id, content_from_data(data["broadcast"]), audience)
    preview = await create_broadcast.execute(request)
    await acknowledge(callback)
    bot = callback.bot
    if bot is None:  # pragma: no cover - aiogram always binds the bot to an update
        return
    await send_preview(bot, customer.id, preview.broadcast.content)
    text = texts.get(
        lang,
        "adm-bc-preview",
        audience=audience_label(texts, lang, audience.kind, audience.language),
        count=preview.recipients,
    )
    await bot.send_message(
        customer.id, text, reply_markup=confirm_broadcast(texts, lang, preview.broadcast.id)
    )


async def send_preview(bot: Bot, chat_id: int, content: BroadcastContent) -> None:
    rows = [[InlineKeyboardButton(text=b.text, url=b.url)] for b in content.buttons]
    markup = InlineKeyboardMarkup(inline_keyboard=rows) if rows else None
    caption = content.text or None
    if content.media_kind is MediaKind.PHOTO and content.media_file_id:
        await bot.send_photo(chat_id, content.media_file_id, caption=caption, reply_markup=markup)
    elif content.media_kind is MediaKind.VIDEO and content.media_file_id:
        await bot.send_video(chat_id, content.media_file_id, caption=caption, reply_markup=markup)
    else:
        await bot.send_message(chat_id, content.text, reply_markup=markup)
