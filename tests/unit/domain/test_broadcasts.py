from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shop_domain.errors import BroadcastStateError, InvalidBroadcastError
from shop_domain.model.broadcasts import (
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
    Audience,
    AudienceKind,
    Broadcast,
    BroadcastButton,
    BroadcastContent,
    BroadcastId,
    BroadcastStatus,
    DeliveryCounts,
    MediaKind,
)
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId

T0 = datetime(2026, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    "build",
    [
        lambda: BroadcastContent("   "),
        lambda: BroadcastContent("x" * (MAX_TEXT_LENGTH + 1)),
        lambda: BroadcastContent("x" * (MAX_CAPTION_LENGTH + 1), MediaKind.PHOTO, "file"),
        lambda: BroadcastContent("caption", MediaKind.VIDEO),
        lambda: BroadcastContent("text", MediaKind.TEXT, "file"),
        lambda: BroadcastContent("t", buttons=(BroadcastButton("Go", "https://e.x"),) * 9),
        lambda: BroadcastButton("", "https://example.com"),
        lambda: BroadcastButton("Go", "javascript:alert(1)"),
        lambda: BroadcastButton("Go", "https://exa mple.com"),
        lambda: Audience(AudienceKind.LANGUAGE),
        lambda: Audience(AudienceKind.ACTIVE, Language.EN),
    ],
)
def test_bad_content_and_audiences_are_refused(build: object) -> None:
    with pytest.raises(InvalidBroadcastError):
        build()  # type: ignore[operator]


def test_a_photo_may_go_without_a_caption() -> None:
    content = BroadcastContent("", MediaKind.PHOTO, "AgAC")
    assert content.media_file_id == "AgAC"


def test_a_broadcast_moves_draft_sending_completed_only() -> None:
    draft = Broadcast(
        BroadcastId("b"),
        CustomerId(1),
        T0,
        BroadcastContent("hi"),
        Audience(AudienceKind.EVERYONE),
    )
    with pytest.raises(BroadcastStateError):
        draft.complete(T0)
    sending = draft.start(10, T0)
    assert (sending.status, sending.total, sending.started_at) == (BroadcastStatus.SENDING, 10, T0)
    with pytest.raises(BroadcastStateError):
        sending.start(10, T0)
    done = sending.complete(T0)
    assert done.status is BroadcastStatus.COMPLETED
    with pytest.raises(BroadcastStateError):
        done.cancel(T0)


def test_delivery_counts_know_when_a_broadcast_is_done() -> None:
    counts = DeliveryCounts(pending=1, sending=1, sent=3, blocked=1)
    assert counts.unfinished
    assert counts.done == 4
    assert not DeliveryCounts(sent=2, unconfirmed=1).unfinished
