"""FakeTelegramSession: records every Bot API request and answers like Telegram does.

Answers are JSON run through aiogram's own `check_response`, so handlers receive real
`Message` objects and real exceptions (`TelegramRetryAfter`, `TelegramForbiddenError`, ...).
Sent messages are remembered per chat, so an edit with identical content fails with
Telegram's "message is not modified" and editing the text of a photo fails too.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageCaption,
    EditMessageText,
    GetChatMember,
    GetMe,
    SendInvoice,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from tests.fakes.telegram.chat_members import member_fields
from tests.fakes.telegram.replies import StoredMessage, edit_error, message_json

BOT_USER: Mapping[str, Any] = {
    "id": 42,
    "is_bot": True,
    "first_name": "Shop",
    "username": "shop_test_bot",
}
NOT_MODIFIED = "Bad Request: message is not modified"


@dataclass(frozen=True, slots=True)
class QueuedError:
    method: type[TelegramMethod[Any]]
    status: int
    description: str
    parameters: Mapping[str, Any] = field(default_factory=dict)


class FakeTelegramSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.messages: dict[tuple[int, int], StoredMessage] = {}
        self.chat_member_status: dict[tuple[int, int], str] = {}
        self._errors: list[QueuedError] = []
        self._message_ids = itertools.count(1000)

    def fail_next(
        self, method: type[TelegramMethod[Any]], status: int, description: str, **parameters: Any
    ) -> None:
        """The next call of `method` gets this error response (e.g. 429 with retry_after)."""
        self._errors.append(QueuedError(method, status, description, parameters))

    def remember(self, chat_id: int, text: str | None = None, *, photo: bool = False) -> int:
        """A message the bot sent before the test started; returns its id."""
        message_id = next(self._message_ids)
        self.messages[chat_id, message_id] = StoredMessage(text, None, photo, "null")
        return message_id

    def last_message_id(self, chat_id: int) -> int | None:
        ids = [message_id for chat, message_id in self.messages if chat == chat_id]
        return max(ids, default=None)

    def of_type(self, method: type[TelegramMethod[TelegramType]]) -> list[Any]:
        return [r for r in self.requests if isinstance(r, method)]

    # --- what the users saw ------------------------------------------------------------------
    def screens(self, chat_id: int | None = None) -> list[str]:
        """Texts shown (sent, edited, captions), in order; only `chat_id`'s when given."""
        shown: list[str] = []
        for request in self.requests:
            if chat_id is not None and getattr(request, "chat_id", chat_id) != chat_id:
                continue
            if isinstance(request, SendMessage | EditMessageText):
                shown.append(str(request.text))
            elif isinstance(request, EditMessageCaption) and request.caption is not None:
                shown.append(request.caption)
        return shown

    def keyboard(self) -> list[InlineKeyboardButton]:
        """The buttons of the last screen with a keyboard."""
        for request in reversed(self.requests):
            markup = getattr(request, "reply_markup", None)
            if isinstance(markup, InlineKeyboardMarkup):
                return [button for row in markup.inline_keyboard for button in row]
        return []

    def notices(self) -> list[str | None]:
        """The callback answers' texts, in order."""
        return [r.text for r in self.of_type(AnswerCallbackQuery)]

    async def close(self) -> None:
        """Nothing to close."""

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> TelegramType:
        self.requests.append(method)
        await asyncio.sleep(0)  # a network round trip: other updates may run meanwhile
        status, body = self._answer(method)
        response = self.check_response(bot, method, status, json.dumps(body))
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - BaseSession's signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:  # pragma: no cover - the bot downloads nothing
        yield b""

    def _answer(self, method: TelegramMethod[Any]) -> tuple[int, dict[str, Any]]:
        for queued in self._errors:
            if isinstance(method, queued.method):
                self._errors.remove(queued)
                body = {"ok": False, "error_code": queued.status, "description": queued.description}
                if queued.parameters:
                    body["parameters"] = dict(queued.parameters)
                return queued.status, body
        if isinstance(method, EditMessageText | EditMessageCaption):
            error = edit_error(self.messages, method)
            if error is not None:
                return 400, {"ok": False, "error_code": 400, "description": error}
        return 200, {"ok": True, "result": self._result(method)}

    def _result(self, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return dict(BOT_USER)
        if isinstance(method, GetChatMember):
            status = self.chat_member_status.get((int(method.chat_id), method.user_id), "member")
            user = {"id": method.user_id, "is_bot": False, "first_name": "User"}
            return {"status": status, "user": user, **member_fields(status)}
        if isinstance(method, SendMessage | SendPhoto | SendInvoice):
            message_id = next(self._message_ids)
        elif isinstance(method, EditMessageText | EditMessageCaption):
            message_id = int(method.message_id or 0)
        else:
            return True  # answerCallbackQuery, answerInlineQuery, deleteMessage, ...
        stored, body = message_json(method, message_id, dict(BOT_USER))
        self.messages[int(body["chat"]["id"]), message_id] = stored
        return body
