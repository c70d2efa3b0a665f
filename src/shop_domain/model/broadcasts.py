"""Broadcasts: one message an admin sends to a chosen audience, delivered by the workers.

Every recipient has one delivery record. A worker moves it from PENDING to SENDING before it
calls Telegram and to an outcome after; a crash leaves it SENDING, and such a delivery is never
sent again (at most once: nobody gets a duplicate), it is reported as UNCONFIRMED instead.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime
from typing import NewType

from shop_domain.errors import BroadcastStateError, InvalidBroadcastError
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId

BroadcastId = NewType("BroadcastId", str)

MAX_TEXT_LENGTH = 4096  # Telegram's limit for a message
MAX_CAPTION_LENGTH = 1024  # ... and for a photo or video caption
MAX_BUTTONS = 8
MAX_BUTTON_TEXT = 64
BUTTON_URL_SCHEMES = ("https://", "http://", "tg://")


class MediaKind(enum.StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    VIDEO = "video"


@dataclass(frozen=True, slots=True)
class BroadcastButton:
    text: str
    url: str

    def __post_init__(self) -> None:
        if not 0 < len(self.text.strip()) <= MAX_BUTTON_TEXT:
            msg = f"a button needs a text of 1-{MAX_BUTTON_TEXT} characters"
            raise InvalidBroadcastError(msg)
        if not self.url.startswith(BUTTON_URL_SCHEMES) or any(c.isspace() for c in self.url):
            msg = "a button link must start with https://, http:// or tg://"
            raise InvalidBroadcastError(msg)


@dataclass(frozen=True, slots=True)
class BroadcastContent:
    """`text` is HTML (the caption of a photo or video); `media_file_id` is Telegram's id."""

    text: str
    media_kind: MediaKind = MediaKind.TEXT
    media_file_id: str | None = None
    buttons: tuple[BroadcastButton, ...] = ()

    def __post_init__(self) -> None:
        has_media = self.media_kind is not MediaKind.TEXT
        if has_media != (self.media_file_id is not None):
            msg = "a photo or video broadcast needs its file, a text broadcast none"
            raise InvalidBroadcastError(msg)
        limit = MAX_CAPTION_LENGTH if has_media else MAX_TEXT_LENGTH
        if len(self.text) > limit:
            msg = f"the text is longer than {limit} characters"
            raise InvalidBroadcastError(msg)
        if not has_media and not self.text.strip():
            msg = "a text broadcast needs a text"
            raise InvalidBroadcastError(msg)
        if len(self.buttons) > MAX_BUTTONS:
            msg = f"at most {MAX_BUTTONS} buttons"
            raise InvalidBroadcastError(msg)


class AudienceKind(enum.StrEnum):
    EVERYONE = "everyone"
    ACTIVE = "active"  # an active, unexpired subscription
    EXPIRED = "expired"  # a subscription whose time ran out
    TRIAL = "trial"  # an active trial
    NEVER_PAID = "never_paid"
    LANGUAGE = "language"


@dataclass(frozen=True, slots=True)
class Audience:
    """Who receives it. Banned customers and those who blocked the bot never do."""

    kind: AudienceKind
    language: Language | None = None

    def __post_init__(self) -> None:
        if (self.kind is AudienceKind.LANGUAGE) != (self.language is not None):
            msg = "a language is chosen with, and only with, the 'by language' audience"
            raise InvalidBroadcastError(msg)


class BroadcastStatus(enum.StrEnum):
    DRAFT = "draft"  # composed, previewed, not confirmed
    SENDING = "sending"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # a worker took it; Telegram may or may not have it
    SENT = "sent"
    BLOCKED = "blocked"  # the customer blocked the bot
    FAILED = "failed"  # Telegram refused it (chat gone, bad file, ...)
    UNCONFIRMED = "unconfirmed"  # the worker died mid-send; never retried
    SKIPPED = "skipped"  # the broadcast was cancelled first


FINAL_DELIVERY = frozenset(
    {
        DeliveryStatus.SENT,
        DeliveryStatus.BLOCKED,
        DeliveryStatus.FAILED,
        DeliveryStatus.UNCONFIRMED,
        DeliveryStatus.SKIPPED,
    }
)


@dataclass(frozen=True, slots=True)
class Broadcast:
    id: BroadcastId
    created_by: CustomerId  # the admin's Telegram id; the final report goes there
    created_at: datetime
    content: BroadcastContent
    audience: Audience
    status: BroadcastStatus = BroadcastStatus.DRAFT
    total: int = 0
    started_at: datetime | None = None
    finished_at: datetime | None = None

    def start(self, total: int, now: datetime) -> Broadcast:
        if self.status is not BroadcastStatus.DRAFT:
            msg = f"broadcast {self.id} was already {self.status.value}"
            raise BroadcastStateError(msg)
        return replace(self, status=BroadcastStatus.SENDING, total=total, started_at=now)

    def cancel(self, now: datetime) -> Broadcast:
        if self.status not in {BroadcastStatus.DRAFT, BroadcastStatus.SENDING}:
            msg = f"broadcast {self.id} is already {self.status.value}"
            raise BroadcastStateError(msg)
        return replace(self, status=BroadcastStatus.CANCELLED, finished_at=now)

    def complete(self, now: datetime) -> Broadcast:
        if self.status is not BroadcastStatus.SENDING:
            msg = f"broadcast {self.id} is {self.status.value}, not sending"
            raise BroadcastStateError(msg)
        return replace(self, status=BroadcastStatus.COMPLETED, finished_at=now)


@dataclass(frozen=True, slots=True)
class DeliveryCounts:
    pending: int = 0
    sending: int = 0
    sent: int = 0
    blocked: int = 0
    failed: int = 0
    unconfirmed: int = 0
    skipped: int = 0

    @property
    def done(self) -> int:
        return self.sent + self.blocked + self.failed + self.unconfirmed + self.skipped

    @property
    def unfinished(self) -> bool:
        return self.pending + self.sending > 0

    @classmethod
    def of(cls, counts: dict[DeliveryStatus, int]) -> DeliveryCounts:
        return cls(**{status.value: counts.get(status, 0) for status in DeliveryStatus})
