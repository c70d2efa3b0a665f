"""Rows of `broadcasts` to Broadcast and back; the audience rule as a SQL condition."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, or_, true

from shop_domain.model.broadcasts import (
    Audience,
    AudienceKind,
    Broadcast,
    BroadcastButton,
    BroadcastContent,
    BroadcastId,
    BroadcastStatus,
    MediaKind,
)
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId
from shop_domain.model.subscriptions import SubscriptionStatus

Columns = dict[str, Any]


def broadcast_to_columns(broadcast: Broadcast) -> Columns:
    content = broadcast.content
    return {
        "id": broadcast.id,
        "created_by": broadcast.created_by,
        "created_at": broadcast.created_at,
        "text": content.text,
        "media_kind": content.media_kind.value,
        "media_file_id": content.media_file_id,
        "buttons": [{"text": b.text, "url": b.url} for b in content.buttons],
        "audience": broadcast.audience.kind.value,
        "audience_language": None
        if broadcast.audience.language is None
        else broadcast.audience.language.value,
        "status": broadcast.status.value,
        "total": broadcast.total,
        "started_at": broadcast.started_at,
        "finished_at": broadcast.finished_at,
    }


def broadcast_from_row(row: Any) -> Broadcast:
    content = BroadcastContent(
        text=row.text,
        media_kind=MediaKind(row.media_kind),
        media_file_id=row.media_file_id,
        buttons=tuple(BroadcastButton(b["text"], b["url"]) for b in row.buttons),
    )
    language = None if row.audience_language is None else Language(row.audience_language)
    return Broadcast(
        id=BroadcastId(row.id),
        created_by=CustomerId(row.created_by),
        created_at=row.created_at,
        content=content,
        audience=Audience(AudienceKind(row.audience), language),
        status=BroadcastStatus(row.status),
        total=row.total,
        started_at=row.started_at,
        finished_at=row.finished_at,
    )


def audience_condition(
    audience: Audience, customers: Table, subscriptions: Table, now: datetime
) -> ColumnElement[bool]:
    """The WHERE clause over `customers LEFT JOIN subscriptions` (see Audience)."""
    reachable = and_(customers.c.is_banned.is_(False), customers.c.blocked_bot.is_(False))
    active = and_(
        subscriptions.c.status == SubscriptionStatus.ACTIVE.value,
        subscriptions.c.expires_at > now,
    )
    kind = audience.kind
    condition: ColumnElement[bool]
    if kind is AudienceKind.ACTIVE:
        condition = active
    elif kind is AudienceKind.EXPIRED:
        condition = or_(
            subscriptions.c.expires_at <= now,
            subscriptions.c.status == SubscriptionStatus.EXPIRED.value,
        )
    elif kind is AudienceKind.TRIAL:
        condition = and_(active, subscriptions.c.is_trial.is_(True))
    elif kind is AudienceKind.NEVER_PAID:
        condition = customers.c.has_paid.is_(False)
    elif kind is AudienceKind.LANGUAGE and audience.language is not None:
        condition = customers.c.language == audience.language.value
    else:
        condition = true()
    return and_(reachable, condition)
