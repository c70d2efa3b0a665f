from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage, SendPhoto

from shop_adapters.telegram.broadcast_sender import TelegramBroadcastSender
from shop_domain.model.broadcasts import (
    BroadcastButton,
    BroadcastContent,
    DeliveryStatus,
    MediaKind,
)
from shop_domain.model.ids import CustomerId
from tests.fakes.telegram.session import FakeTelegramSession


@dataclass
class RecordingRate:
    acquired: int = 0
    pauses: list[float] = field(default_factory=list)

    async def acquire(self) -> None:
        self.acquired += 1

    async def pause(self, seconds: float) -> None:
        self.pauses.append(seconds)


@pytest.fixture
def session() -> FakeTelegramSession:
    return FakeTelegramSession()


@pytest.fixture
def rate() -> RecordingRate:
    return RecordingRate()


@pytest.fixture
def sender(session: FakeTelegramSession, rate: RecordingRate) -> TelegramBroadcastSender:
    return TelegramBroadcastSender(Bot("42:TEST", session=session), rate)


CHAT = CustomerId(501)


async def test_429s_pause_everyone_and_the_message_is_still_sent(
    sender: TelegramBroadcastSender, session: FakeTelegramSession, rate: RecordingRate
) -> None:
    for _ in range(3):
        session.fail_next(SendMessage, 429, "Too Many Requests: retry after 2", retry_after=2)
    buttons = (BroadcastButton("Open", "https://example.com"),)
    assert await sender.send(CHAT, BroadcastContent("<b>Hi</b>", buttons=buttons)) is (
        DeliveryStatus.SENT
    )
    assert rate.pauses == [2, 2, 2]
    assert rate.acquired == 4
    sent = session.of_type(SendMessage)
    assert len(sent) == 4
    assert sent[-1].parse_mode == "HTML"
    assert sent[-1].reply_markup.inline_keyboard[0][0].url == "https://example.com"


async def test_a_photo_goes_with_its_caption(
    sender: TelegramBroadcastSender, session: FakeTelegramSession
) -> None:
    content = BroadcastContent("caption", MediaKind.PHOTO, "AgAC-file")
    assert await sender.send(CHAT, content) is DeliveryStatus.SENT
    (photo,) = session.of_type(SendPhoto)
    assert (photo.photo, photo.caption) == ("AgAC-file", "caption")


@pytest.mark.parametrize(
    ("status", "description", "outcome"),
    [
        (403, "Forbidden: bot was blocked by the user", DeliveryStatus.BLOCKED),
        (400, "Bad Request: chat not found", DeliveryStatus.BLOCKED),
        (400, "Bad Request: can't parse entities", DeliveryStatus.FAILED),
        (500, "Internal Server Error", DeliveryStatus.FAILED),
    ],
)
async def test_refusals_are_reported_not_raised(
    sender: TelegramBroadcastSender,
    session: FakeTelegramSession,
    status: int,
    description: str,
    outcome: DeliveryStatus,
) -> None:
    session.fail_next(SendMessage, status, description)
    assert await sender.send(CHAT, BroadcastContent("hi")) is outcome
    assert len(session.of_type(SendMessage)) == 1
