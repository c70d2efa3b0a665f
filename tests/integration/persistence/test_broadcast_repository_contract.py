"""The broadcast repository contract on the in-memory fake, SQLite and PostgreSQL alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from shop_domain.model.broadcasts import (
    Audience,
    AudienceKind,
    Broadcast,
    BroadcastButton,
    BroadcastContent,
    BroadcastId,
    BroadcastStatus,
    DeliveryCounts,
    DeliveryStatus,
    MediaKind,
)
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId
from shop_domain.model.subscriptions import SubscriptionStatus
from tests.integration.persistence.conftest import UowFactory
from tests.integration.persistence.records import T0, customer, subscription

B1 = BroadcastId("b1")


def broadcast(audience: Audience | None = None) -> Broadcast:
    return Broadcast(
        id=B1,
        created_by=CustomerId(900),
        created_at=T0,
        content=BroadcastContent(
            text="<b>News</b>",
            media_kind=MediaKind.PHOTO,
            media_file_id="AgAC-photo",
            buttons=(BroadcastButton("Open", "https://example.com"),),
        ),
        audience=audience or Audience(AudienceKind.EVERYONE),
    )


async def seed_customers(uow_factory: UowFactory) -> None:
    """1 active paid (en), 2 active trial, 3 expired, 4 never subscribed, 5 banned, 6 blocked."""
    async with uow_factory() as uow:
        await uow.customers.add(customer(1, has_paid=True, language=Language.EN))
        await uow.customers.add(customer(2, has_used_trial=True))
        await uow.customers.add(customer(3, has_paid=True))
        await uow.customers.add(customer(4))
        await uow.customers.add(customer(5, is_banned=True))
        await uow.customers.add(customer(6, blocked_bot=True, language=Language.EN))
        await uow.subscriptions.add(subscription(1))
        await uow.subscriptions.add(replace(subscription(2), is_trial=True))
        expired = replace(subscription(3, days=-1), status=SubscriptionStatus.EXPIRED)
        await uow.subscriptions.add(expired)
        await uow.subscriptions.add(subscription(5))
        await uow.commit()


async def test_broadcast_round_trip(uow_factory: UowFactory) -> None:
    stored = broadcast(Audience(AudienceKind.LANGUAGE, Language.EN))
    async with uow_factory() as uow:
        await uow.broadcasts.add(stored)
        await uow.commit()
    started = stored.start(3, T0)
    async with uow_factory() as uow:
        assert await uow.broadcasts.get(B1) == stored
        await uow.broadcasts.update(started)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.broadcasts.get(B1) == started
        assert await uow.broadcasts.sending(10) == [started]
        assert await uow.broadcasts.get(BroadcastId("nope")) is None


@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        (Audience(AudienceKind.EVERYONE), 4),
        (Audience(AudienceKind.ACTIVE), 2),
        (Audience(AudienceKind.EXPIRED), 1),
        (Audience(AudienceKind.TRIAL), 1),
        (Audience(AudienceKind.NEVER_PAID), 2),
        (Audience(AudienceKind.LANGUAGE, Language.EN), 1),
        (Audience(AudienceKind.LANGUAGE, Language.RU), 3),
    ],
)
async def test_audiences_skip_banned_and_blocked(
    uow_factory: UowFactory, audience: Audience, expected: int
) -> None:
    await seed_customers(uow_factory)
    async with uow_factory() as uow:
        assert await uow.broadcasts.count_audience(audience, T0) == expected
        await uow.broadcasts.add(broadcast(audience))
        assert await uow.broadcasts.add_recipients(B1, audience, T0) == expected
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.broadcasts.counts(B1) == DeliveryCounts(pending=expected)


async def test_deliveries_are_claimed_once_and_settled(uow_factory: UowFactory) -> None:
    await seed_customers(uow_factory)
    async with uow_factory() as uow:
        await uow.broadcasts.add(broadcast())
        await uow.broadcasts.add_recipients(B1, Audience(AudienceKind.EVERYONE), T0)
        await uow.commit()
    claimed = []
    for minute in range(3):
        async with uow_factory() as uow:
            claimed.append(await uow.broadcasts.claim_next(B1, T0 + timedelta(minutes=minute)))
            await uow.commit()
    assert claimed == [1, 2, 3]
    async with uow_factory() as uow:
        await uow.broadcasts.record_delivery(B1, CustomerId(1), DeliveryStatus.SENT, T0)
        await uow.broadcasts.record_delivery(B1, CustomerId(2), DeliveryStatus.BLOCKED, T0)
        # customer 3 stays SENDING: its worker died; only deliveries older than the cutoff settle
        assert await uow.broadcasts.settle_stale(B1, T0 + timedelta(minutes=2)) == 0
        assert await uow.broadcasts.settle_stale(B1, T0 + timedelta(minutes=3)) == 1
        assert await uow.broadcasts.skip_pending(B1, T0) == 1
        assert await uow.broadcasts.claim_next(B1, T0) is None
        await uow.commit()
    async with uow_factory() as uow:
        counts = await uow.broadcasts.counts(B1)
    assert counts == DeliveryCounts(sent=1, blocked=1, unconfirmed=1, skipped=1)
    assert not counts.unfinished
    assert counts.done == 4


async def test_a_broadcast_status_survives_cancel(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.broadcasts.add(broadcast())
        await uow.broadcasts.update(broadcast().cancel(T0))
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.broadcasts.get(B1)
    assert stored is not None
    assert stored.status is BroadcastStatus.CANCELLED
    assert stored.finished_at == T0
