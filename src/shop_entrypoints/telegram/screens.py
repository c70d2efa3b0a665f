"""Showing a screen: edit the tapped message in place, or send a new one when editing is
impossible. "Message is not modified" (a double tap on the same screen) is not an error."""

from __future__ import annotations

import structlog
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

logger = structlog.get_logger(__name__)

CAPTION_LIMIT = 1024
NOT_MODIFIED = "message is not modified"


async def acknowledge(
    callback: CallbackQuery, text: str | None = None, alert: bool = False
) -> None:
    """Stop the button's spinner; a query that is too old to answer is not worth a crash."""
    try:
        await callback.answer(text, show_alert=alert)
    except TelegramBadRequest as error:
        logger.info("callback_answer_failed", reason=error.message)


async def _edit(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> bool:
    try:
        if message.text is not None:
            await message.edit_text(text, reply_markup=markup)
        elif message.photo and len(text) <= CAPTION_LIMIT:
            await message.edit_caption(caption=text, reply_markup=markup)
        else:
            return False
    except TelegramBadRequest as error:
        if NOT_MODIFIED in error.message:
            return True
        logger.info("screen_edit_failed", reason=error.message)
        return False
    return True


async def show(
    event: Message | CallbackQuery,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    *,
    notice: str | None = None,
) -> None:
    """Render a screen for a message (a new reply) or a button tap (edit in place)."""
    if isinstance(event, Message):
        await event.answer(text, reply_markup=markup)
        return
    message = event.message
    edited = isinstance(message, Message) and await _edit(message, text, markup)
    if not edited and event.bot is not None:
        await event.bot.send_message(event.from_user.id, text, reply_markup=markup)
    await acknowledge(event, notice)
