"""An admin's message turned into BroadcastContent: its text (as HTML) or photo or video with
caption, and buttons written as trailing `Text | https://link` lines."""

from __future__ import annotations

import re
from typing import Any

from aiogram.types import Message

from shop_domain.errors import InvalidBroadcastError
from shop_domain.model.broadcasts import BroadcastButton, BroadcastContent, MediaKind

_BUTTON_LINE = re.compile(r"^(?P<text>[^|]{1,64}?)\s*\|\s*(?P<url>\S+)$")


def split_buttons(text: str) -> tuple[int, tuple[BroadcastButton, ...]]:
    """Trailing `Text | URL` lines become buttons; how many lines stay the message."""
    lines = text.rstrip().split("\n")
    buttons: list[BroadcastButton] = []
    while lines:
        match = _BUTTON_LINE.match(lines[-1].strip())
        if match is None:
            break
        buttons.insert(0, BroadcastButton(match["text"].strip(), match["url"]))
        lines.pop()
    return len(lines), tuple(buttons)


def _body_and_buttons(plain: str | None, html: str) -> tuple[str, tuple[BroadcastButton, ...]]:
    """Buttons are read from the plain text (an HTML-escaped `&` would break a link); the
    message keeps the formatted (HTML) lines above them."""
    if not plain:
        return "", ()
    kept, buttons = split_buttons(plain)
    return "\n".join(html.split("\n")[:kept]).strip(), buttons


def content_of(message: Message) -> BroadcastContent:
    if message.photo:
        body, buttons = _body_and_buttons(message.caption, message.html_text)
        return BroadcastContent(body, MediaKind.PHOTO, message.photo[-1].file_id, buttons)
    if message.video:
        body, buttons = _body_and_buttons(message.caption, message.html_text)
        return BroadcastContent(body, MediaKind.VIDEO, message.video.file_id, buttons)
    if message.text:
        body, buttons = _body_and_buttons(message.text, message.html_text)
        return BroadcastContent(body, buttons=buttons)
    raise InvalidBroadcastError("send a text, a photo or a video")


def content_to_data(content: BroadcastContent) -> dict[str, Any]:
    """For the FSM storage (JSON) between the composing and the audience steps."""
    return {
        "text": content.text,
        "media_kind": content.media_kind.value,
        "media_file_id": content.media_file_id,
        "buttons": [[b.text, b.url] for b in content.buttons],
    }


def content_from_data(data: dict[str, Any]) -> BroadcastContent:
    return BroadcastContent(
        text=str(data["text"]),
        media_kind=MediaKind(data["media_kind"]),
        media_file_id=data["media_file_id"],
        buttons=tuple(BroadcastButton(str(t), str(u)) for t, u in data["buttons"]),
    )
