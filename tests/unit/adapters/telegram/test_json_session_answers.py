"""JsonBodySession reads answers exactly like aiogram: the typed result with the bot bound on
success, aiogram's exceptions otherwise; the generic answer model is built once per type."""

from __future__ import annotations

import orjson
import pytest
from aiogram import Bot
from aiogram.exceptions import ClientDecodeError, TelegramBadRequest, TelegramRetryAfter
from aiogram.methods import GetMe, SendMessage
from aiogram.types import Message

from shop_adapters.telegram import json_session
from shop_adapters.telegram.json_session import JsonBodySession

MESSAGE = {
    "message_id": 5,
    "date": 1_768_046_400,
    "chat": {"id": 7, "type": "private"},
    "text": "hi",
}


@pytest.fixture
async def session() -> JsonBodySession:
    return JsonBodySession()


def _answer(body: object) -> str:
    return orjson.dumps(body).decode()


async def test_a_success_is_the_typed_result_bound_to_the_bot(session: JsonBodySession) -> None:
    bot = Bot("42:TEST", session=session)
    method = SendMessage(chat_id=7, text="hi")

    answer = session.check_response(bot, method, 200, _answer({"ok": True, "result": MESSAGE}))

    assert isinstance(answer.result, Message)
    assert answer.result.message_id == 5
    assert answer.result.bot is bot
    await session.close()


async def test_the_answer_model_is_built_once_per_result_type(session: JsonBodySession) -> None:
    bot = Bot("42:TEST", session=session)
    json_session._response_type.cache_clear()
    body = _answer({"ok": True, "result": MESSAGE})

    for _ in range(5):
        session.check_response(bot, SendMessage(chat_id=7, text="hi"), 200, body)
    me = {"id": 42, "is_bot": True, "first_name": "Shop", "username": "shop_test_bot"}
    session.check_response(bot, GetMe(), 200, _answer({"ok": True, "result": me}))

    info = json_session._response_type.cache_info()
    assert (info.misses, info.hits) == (2, 4)
    await session.close()


async def test_errors_and_garbage_take_aiogram_path(session: JsonBodySession) -> None:
    bot = Bot("42:TEST", session=session)
    method = SendMessage(chat_id=7, text="hi")
    limited = {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 3",
        "parameters": {"retry_after": 3},
    }
    gone = {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}

    with pytest.raises(TelegramRetryAfter):
        session.check_response(bot, method, 429, _answer(limited))
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        session.check_response(bot, method, 400, _answer(gone))
    with pytest.raises(ClientDecodeError):
        session.check_response(bot, method, 200, "<html>bad gateway</html>")
    with pytest.raises(ClientDecodeError):
        session.check_response(bot, method, 200, _answer({"ok": True, "result": {"oops": 1}}))
    await session.close()
