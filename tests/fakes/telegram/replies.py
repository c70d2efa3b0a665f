"""The Message JSON Telegram returns for sends and edits, and its edit errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiogram.methods import (
    EditMessageCaption,
    EditMessageText,
    SendInvoice,
    SendMessage,
    SendPhoto,
)

DATE = 1_768_046_400  # 2026-01-10 12:00 UTC

Sent = SendMessage | SendPhoto | SendInvoice | EditMessageText | EditMessageCaption


@dataclass(frozen=True, slots=True)
class StoredMessage:
    text: str | None
    caption: str | None
    photo: bool
    markup: str  # the reply markup as JSON, to detect "not modified"


def _markup(method: Any) -> str:
    markup = getattr(method, "reply_markup", None)
    return "null" if markup is None else str(markup.model_dump_json(exclude_none=True))


def edit_error(
    messages: Mapping[tuple[int, int], StoredMessage],
    method: EditMessageText | EditMessageCaption,
) -> str | None:
    """Telegram's 400 description for an edit it refuses, or None."""
    if method.chat_id is None or method.message_id is None:
        return None
    stored = messages.get((int(method.chat_id), method.message_id))
    if stored is None:
        return "Bad Request: message to edit not found"
    if isinstance(method, EditMessageText):
        if stored.text is None:
            return "Bad Request: there is no text in the message to edit"
        same = stored.text == method.text
    else:
        if not stored.photo:
            return "Bad Request: there is no caption in the message to edit"
        same = stored.caption == method.caption
    if same and stored.markup == _markup(method):
        return (
            "Bad Request: message is not modified: specified new message content and reply "
            "markup are exactly the same as a current content and reply markup of the message"
        )
    return None


def message_json(
    method: Sent, message_id: int, bot_user: dict[str, Any]
) -> tuple[StoredMessage, dict[str, Any]]:
    chat_id = int(method.chat_id or 0)
    body: dict[str, Any] = {
        "message_id": message_id,
        "date": DATE,
        "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
        "from": bot_user,
    }
    text = caption = None
    photo = False
    if isinstance(method, SendMessage | EditMessageText):
        text = body["text"] = method.text
    elif isinstance(method, SendPhoto | EditMessageCaption):
        photo = True
        caption = method.caption
        body["photo"] = [{"file_id": "AgAD", "file_unique_id": "AQAD", "width": 512, "height": 512}]
        if caption is not None:
            body["caption"] = caption
    else:
        body["invoice"] = {
            "title": method.title,
            "description": method.description,
            "start_parameter": method.start_parameter or "",
            "currency": method.currency,
            "total_amount": sum(price.amount for price in method.prices),
        }
    return StoredMessage(text, caption, photo, _markup(method)), body
