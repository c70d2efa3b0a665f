"""JsonBodySession against the fake Bot API over loopback: calls arrive as JSON bodies with
what aiogram's form would carry, files still go as multipart, errors stay aiogram's."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from shop_adapters.telegram.json_session import JsonBodySession
from tests.fakes.telegram.bot_api_server import FakeBotApiServer

TOKEN = "42:TEST"  # noqa: S105 - the fake Bot API's token
MARKUP = InlineKeyboardMarkup(
    inline_keyboard=[
        [InlineKeyboardButton(text="🛒 Купить", callback_data="m:catalog")],
        [InlineKeyboardButton(text="Support", url="https://t.me/support")],
    ]
)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApiServer]:
    server = FakeBotApiServer(TOKEN)
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def bot(api: FakeBotApiServer) -> AsyncIterator[Bot]:
    session = JsonBodySession(api=TelegramAPIServer.from_base(api.base_url))
    bot = Bot(TOKEN, session=session)
    yield bot
    await session.close()


async def test_a_message_with_a_keyboard_arrives_whole(api: FakeBotApiServer, bot: Bot) -> None:
    sent = await bot.send_message(7, "Привет, <b>мир</b>", reply_markup=MARKUP)

    (call,) = api.calls_of("sendMessage")
    assert not call.has_file
    assert call.params["chat_id"] == 7
    assert call.params["text"] == "Привет, <b>мир</b>"
    assert json.loads(call.params["reply_markup"]) == MARKUP.model_dump(exclude_none=True)
    assert sent.text == "Привет, <b>мир</b>"
    assert sent.chat.id == 7


async def test_false_flags_are_sent_and_unset_ones_left_out(
    api: FakeBotApiServer, bot: Bot
) -> None:
    await bot.answer_callback_query("cb1", "Done", show_alert=False)

    (call,) = api.calls_of("answerCallbackQuery")
    assert call.params["show_alert"] is False
    assert "url" not in call.params
    assert "cache_time" not in call.params


async def test_a_file_goes_as_multipart(api: FakeBotApiServer, bot: Bot) -> None:
    photo = BufferedInputFile(b"\x89PNG fake", filename="qr.png")

    await bot.send_photo(7, photo, caption="QR")

    (call,) = api.calls_of("sendPhoto")
    assert call.has_file
    assert call.params["caption"] == "QR"


async def test_errors_are_aiograms_exceptions(api: FakeBotApiServer, bot: Bot) -> None:
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3)
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(7, "hi")
    assert retry.value.retry_after == 3

    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("new", chat_id=7, message_id=999)
