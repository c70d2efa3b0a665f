"""The Bot API methods the shop calls, with Telegram's own validation and error texts.

Parameters arrive as Telegram takes them (query string, form, multipart or JSON); form values
of objects such as `reply_markup` are JSON text, as aiogram and the docs send them.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.telegram.bot_api_errors import BotApiError
from tests.fakes.telegram.replies import DATE

MAX_TEXT = 4096
MAX_CAPTION = 1024
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
Params = Mapping[str, Any]


@dataclass(slots=True)
class ChatMessage:
    chat_id: int
    message_id: int
    text: str | None = None
    caption: str | None = None
    photo: bool = False
    markup: Any = None


def int_param(params: Params, name: str) -> int:
    value = params.get(name)
    if value in (None, ""):
        raise BotApiError.bad_request(f"{name} is empty" if name != "chat_id" else "chat not found")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise BotApiError.bad_request(f"invalid {name} specified") from None


def json_param(params: Params, name: str) -> Any:
    value = params.get(name)
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        raise BotApiError.bad_request(f"can't parse {name} JSON object") from None


@dataclass
class MessageStore:
    bot_user: Mapping[str, Any]
    messages: dict[tuple[int, int], ChatMessage] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))

    def json(self, message: ChatMessage) -> dict[str, Any]:
        body: dict[str, Any] = {
            "message_id": message.message_id,
            "date": DATE,
            "chat": {"id": message.chat_id, "type": "private" if message.chat_id > 0 else "group"},
            "from": dict(self.bot_user),
        }
        if message.text is not None:
            body["text"] = message.text
        if message.photo:
            size = {"file_id": "AgAD", "file_unique_id": "AQAD", "width": 512, "height": 512}
            body["photo"] = [size]
        if message.caption is not None:
            body["caption"] = message.caption
        if message.markup:
            body["reply_markup"] = message.markup
        return body

    def send_message(self, params: Params) -> dict[str, Any]:
        chat_id = int_param(params, "chat_id")
        text = str(params.get("text") or "")
        if not text.strip():
            raise BotApiError.bad_request("message text is empty")
        if len(text) > MAX_TEXT:
            raise BotApiError.bad_request("message is too long")
        return self._add(ChatMessage(chat_id, next(self._ids), text=text), params)

    def send_photo(self, params: Params, has_file: bool) -> dict[str, Any]:
        chat_id = int_param(params, "chat_id")
        if not has_file and not params.get("photo"):
            raise BotApiError.bad_request("there is no photo in the request")
        caption = params.get("caption")
        if caption is not None and len(str(caption)) > MAX_CAPTION:
            raise BotApiError.bad_request("message caption is too long")
        message = ChatMessage(chat_id, next(self._ids), caption=caption, photo=True)
        return self._add(message, params)

    def edit_text(self, params: Params) -> dict[str, Any]:
        message = self._find(params)
        text = str(params.get("text") or "")
        if not text.strip():
            raise BotApiError.bad_request("message text is empty")
        if message.text is None:
            raise BotApiError.bad_request("there is no text in the message to edit")
        markup = json_param(params, "reply_markup")
        if message.text == text and message.markup == markup:
            raise BotApiError.bad_request(NOT_MODIFIED)
        message.text, message.markup = text, markup
        return self.json(message)

    def delete(self, params: Params) -> bool:
        message = self._find(params, action="delete")
        del self.messages[message.chat_id, message.message_id]
        return True

    def _add(self, message: ChatMessage, params: Params) -> dict[str, Any]:
        message.markup = json_param(params, "reply_markup")
        self.messages[message.chat_id, message.message_id] = message
        return self.json(message)

    def _find(self, params: Params, action: str = "edit") -> ChatMessage:
        key = (int_param(params, "chat_id"), int_param(params, "message_id"))
        message = self.messages.get(key)
        if message is None:
            raise BotApiError.bad_request(f"message to {action} not found")
        return message

    def in_chat(self, chat_id: int) -> list[ChatMessage]:
        return [m for (chat, _), m in sorted(self.messages.items()) if chat == chat_id]
