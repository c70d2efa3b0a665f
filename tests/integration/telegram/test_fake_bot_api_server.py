"""The fake Bot API answers a real aiogram Bot over loopback HTTP as Telegram does."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from tests.fakes.telegram.bot_api_server import FakeBotApiServer

TOKEN = "123456789:" + "C" * 35
CHAT = 4242
WEBHOOK_SECRET = "abc"  # noqa: S105 - a test value


def bot_for(server: FakeBotApiServer, token: str = TOKEN) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(server.base_url))
    return Bot(token, session=session)


@pytest.fixture
async def server() -> AsyncIterator[FakeBotApiServer]:
    fake = FakeBotApiServer(TOKEN)
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def bot(server: FakeBotApiServer) -> AsyncIterator[Bot]:
    bot = bot_for(server)
    yield bot
    await bot.session.close()


async def test_get_me_and_send_message_return_telegram_objects(
    server: FakeBotApiServer, bot: Bot
) -> None:
    me = await bot.me()
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Go", callback_data="m:main")]]
    )
    sent = await bot.send_message(CHAT, "Hello", reply_markup=markup)

    assert me.username == "shop_test_bot"
    assert sent.text == "Hello"
    assert sent.chat.id == CHAT
    assert sent.reply_markup is not None
    assert sent.reply_markup.inline_keyboard[0][0].callback_data == "m:main"
    assert server.sent_texts(CHAT) == ["Hello"]
    assert [c.method for c in server.calls] == ["getme", "sendmessage"]


async def test_a_wrong_token_is_unauthorized(server: FakeBotApiServer) -> None:
    bot = bot_for(server, "987654321:" + "D" * 35)
    with pytest.raises(TelegramUnauthorizedError):
        await bot.me()
    await bot.session.close()


async def test_edits_fail_like_telegram(bot: Bot) -> None:
    sent = await bot.send_message(CHAT, "Menu")

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("Menu", chat_id=CHAT, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("Other", chat_id=CHAT, message_id=999_999)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(CHAT, " ")
    edited = await bot.edit_message_text("Other", chat_id=CHAT, message_id=sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.text == "Other"


async def test_a_queued_429_carries_retry_after(server: FakeBotApiServer, bot: Bot) -> None:
    server.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3)

    with pytest.raises(TelegramRetryAfter) as error:
        await bot.send_message(CHAT, "Hi")

    assert error.value.retry_after == 3
    assert (await bot.send_message(CHAT, "Hi")).text == "Hi"


async def test_send_photo_takes_a_multipart_upload(server: FakeBotApiServer, bot: Bot) -> None:
    photo = BufferedInputFile(b"\x89PNG fake", filename="qr.png")

    sent = await bot.send_photo(CHAT, photo, caption="Scan me")

    assert sent.photo
    assert sent.caption == "Scan me"
    assert server.calls_of("sendPhoto")[0].has_file


async def test_get_updates_confirms_by_offset_and_long_polls(
    server: FakeBotApiServer, bot: Bot
) -> None:
    first = await server.push_update(message=_message("one"))
    second = await server.push_update(message=_message("two"))

    assert [u.update_id for u in await bot.get_updates(offset=0)] == [first, second]
    assert [u.update_id for u in await bot.get_updates(offset=second)] == [second]
    assert await bot.get_updates(offset=second + 1, timeout=0) == []

    waiting = asyncio.create_task(bot.get_updates(offset=second + 1, timeout=5))
    await asyncio.sleep(0.1)
    third = await server.push_update(message=_message("three"))
    assert [u.update_id for u in await asyncio.wait_for(waiting, 3)] == [third]


async def test_get_updates_conflicts_with_a_webhook(server: FakeBotApiServer, bot: Bot) -> None:
    await bot.set_webhook("https://shop.example.com/tg", secret_token=WEBHOOK_SECRET)

    with pytest.raises(TelegramConflictError):
        await bot.get_updates()
    assert server.webhook_secret == WEBHOOK_SECRET

    await bot.delete_webhook(drop_pending_updates=False)
    assert await bot.get_updates(timeout=0) == []


async def test_unknown_methods_are_not_found(bot: Bot) -> None:
    with pytest.raises(TelegramNotFound, match="Not Found"):
        await bot.get_chat_administrators(CHAT)


def _message(text: str) -> dict[str, object]:
    user = {"id": CHAT, "is_bot": False, "first_name": "Ann"}
    chat = {"id": CHAT, "type": "private"}
    return {"message_id": 1, "date": 1_768_046_400, "chat": chat, "from": user, "text": text}
