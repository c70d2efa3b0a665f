"""A live message (a broadcast's progress) is sent once and then edited in place, through a
real Bot on the fake session; a message that is gone is sent again, nothing is lost."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.methods import EditMessageText, SendMessage

from shop_adapters.in_process.cache import InMemoryCache
from shop_adapters.telegram.live_messages import LiveMessageIds
from shop_adapters.telegram.notifier import TelegramNotifier
from shop_adapters.telegram.outgoing import OutgoingMessage
from shop_domain.events import ShopEvent
from tests.fakes.telegram import FakeTelegramSession

ADMIN = 7
KEY = "broadcast-progress:b1"


class _NoEvents:
    async def render(self, event: ShopEvent) -> list[OutgoingMessage]:
        return []


def _notifier(session: FakeTelegramSession, **options: Any) -> TelegramNotifier:
    live = LiveMessageIds(InMemoryCache(max_entries=100))
    return TelegramNotifier(Bot("42:TEST", session=session), _NoEvents(), live=live, **options)


def _progress(text: str) -> OutgoingMessage:
    return OutgoingMessage(ADMIN, text, is_customer=False, live_key=KEY)


async def test_progress_is_one_message_edited_in_place() -> None:
    session = FakeTelegramSession()
    notifier = _notifier(session)

    for done in (100, 200, 300):
        assert await notifier.deliver(_progress(f"{done} of 400 done"))

    [sent] = session.of_type(SendMessage)
    edits = session.of_type(EditMessageText)
    assert [edit.text for edit in edits] == ["200 of 400 done", "300 of 400 done"]
    assert {edit.message_id for edit in edits} == {session.last_message_id(ADMIN)}
    assert sent.text == "100 of 400 done"


async def test_the_same_progress_twice_is_not_an_error_nor_a_new_message() -> None:
    session = FakeTelegramSession()
    notifier = _notifier(session)

    assert await notifier.deliver(_progress("100 of 400 done"))
    assert await notifier.deliver(_progress("100 of 400 done"))  # "message is not modified"

    assert len(session.of_type(SendMessage)) == 1


async def test_a_progress_message_that_is_gone_is_sent_again() -> None:
    session = FakeTelegramSession()
    notifier = _notifier(session)
    assert await notifier.deliver(_progress("100 of 400 done"))
    session.fail_next(EditMessageText, 400, "Bad Request: message to edit not found")

    assert await notifier.deliver(_progress("200 of 400 done"))

    assert [m.text for m in session.of_type(SendMessage)] == ["100 of 400 done", "200 of 400 done"]


async def test_ordinary_messages_are_never_edited() -> None:
    session = FakeTelegramSession()
    notifier = _notifier(session)

    for _ in range(2):
        assert await notifier.deliver(OutgoingMessage(ADMIN, "report", is_customer=False))

    assert len(session.of_type(SendMessage)) == 2
    assert session.of_type(EditMessageText) == []
