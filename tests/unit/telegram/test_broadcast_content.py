from __future__ import annotations

from typing import Any

import pytest
from aiogram.types import Chat, Message, PhotoSize, User

from shop_domain.errors import InvalidBroadcastError
from shop_domain.model.broadcasts import BroadcastButton, MediaKind
from shop_entrypoints.telegram.broadcast_content import (
    content_from_data,
    content_of,
    content_to_data,
    split_buttons,
)
from tests.unit.fakes import T0


def message(**content: Any) -> Message:
    user = User(id=1, is_bot=False, first_name="Admin")
    return Message(
        message_id=1, date=T0, chat=Chat(id=1, type="private"), from_user=user, **content
    )


def test_trailing_link_lines_become_buttons_and_the_rest_stays() -> None:
    text = "Sale & more!\nA | b line stays\n\nShop | https://s.example/?a=1&b=2\nFAQ|tg://x"
    content = content_of(message(text=text))
    assert content.text == "Sale &amp; more!\nA | b line stays"  # HTML for parse_mode=HTML
    assert content.buttons == (
        BroadcastButton("Shop", "https://s.example/?a=1&b=2"),
        BroadcastButton("FAQ", "tg://x"),
    )
    assert split_buttons("only text") == (1, ())


def test_a_photo_keeps_its_largest_size_and_caption_through_the_fsm() -> None:
    sizes = [
        PhotoSize(file_id=f"id{w}", file_unique_id=f"u{w}", width=w, height=w) for w in (90, 800)
    ]
    content = content_of(message(photo=sizes, caption="Look | https://l.example"))
    assert (content.media_kind, content.media_file_id, content.text) == (
        MediaKind.PHOTO,
        "id800",
        "",
    )
    assert content_from_data(content_to_data(content)) == content


def test_a_sticker_cannot_be_broadcast() -> None:
    with pytest.raises(InvalidBroadcastError):
        content_of(message())
