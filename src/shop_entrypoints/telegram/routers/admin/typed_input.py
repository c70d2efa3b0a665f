"""Reading what an operator typed in answer to a question, the same way in every section.

The text is stripped before it is checked; a value that does not fit leaves the question open
(the caller answers with its own "bad value" text). A sticker or photo where text was asked is
answered by `on_not_text`, which each section registers last, for its own waiting states.
"""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.fsm.state import State
from aiogram.types import Message

from shop_domain.model.customers import Customer
from shop_entrypoints.telegram.texts import Texts


def typed_text(message: Message) -> str:
    return (message.text or "").strip()


def typed_match(message: Message, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The whole typed text matched against `pattern`, or None."""
    return pattern.fullmatch(typed_text(message))


def typed_number(message: Message, maximum: int, *, minimum: int = 0) -> int | None:
    """A whole number from `minimum` to `maximum`, written in digits, or None."""
    typed = typed_text(message)
    if not (typed.isascii() and typed.isdigit()):  # "²" and "٣" are digits int() refuses
        return None
    number = int(typed)
    return number if minimum <= number <= maximum else None


async def on_not_text(message: Message, customer: Customer, texts: Texts) -> None:
    await message.answer(texts.get(customer.language, "adm-text-expected"))


def expect_text(router: Router, *waiting: State) -> None:
    """Answer anything but text in each of the `waiting` states with "text expected"."""
    for state in waiting:
        router.message.register(on_not_text, state)
