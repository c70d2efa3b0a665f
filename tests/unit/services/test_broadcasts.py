from __future__ import annotations

import pytest

from shop_domain.errors import BroadcastNotFoundError, BroadcastStateError
from shop_domain.events import BroadcastFinished, BroadcastProgressed
from shop_domain.model.broadcasts import (
    Audience,
    AudienceKind,
    BroadcastId,
    BroadcastStatus,
    DeliveryCounts,
    DeliveryStatus,
)
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId
from shop_domain.services.notification.start_broadcast import SEND_BROADCAST_JOB
from tests.unit.services.broadcast_harness import ADMIN, BroadcastShop


@pytest.fixture
def shop() -> BroadcastShop:
    return BroadcastShop()


async def test_a_draft_previews_its_audience_without_banned_or_blocked(
    shop: BroadcastShop,
) -> None:
    await shop.add_customer(1, language=Language.RU)
    await shop.add_customer(2)
    await shop.add_customer(3, is_banned=True)
    await shop.add_customer(4, blocked_bot=True)
    preview = await shop.draft(Audience(AudienceKind.EVERYONE))
    assert preview.recipients == 2
    assert preview.broadcast.status is BroadcastStatus.DRAFT
    by_language = await shop.draft(Audience(AudienceKind.LANGUAGE, Language.RU))
    assert by_language.recipients == 1
    assert shop.job_queue.jobs == []  # nothing is sent before the admin confirms


async def test_confirming_fixes_the_recipients_and_queues_the_job(shop: BroadcastShop) -> None:
    broadcast_id = await shop.started(customers=3)
    progress = await shop.progress.execute(broadcast_id)
    assert progress.broadcast.status is BroadcastStatus.SENDING
    assert progress.broadcast.total == 3
    assert progress.counts == DeliveryCounts(pending=3)
    assert shop.job_queue.jobs == [(SEND_BROADCAST_JOB, {"broadcast_id": broadcast_id})]
    with pytest.raises(BroadcastStateError):
        await shop.start.execute(broadcast_id)
    with pytest.raises(BroadcastNotFoundError):
        await shop.start.execute(BroadcastId("missing"))


async def test_batches_send_each_recipient_once_then_report(shop: BroadcastShop) -> None:
    broadcast_id = await shop.started(customers=5)
    shop.job_queue.jobs.clear()
    first = await shop.send_batch.execute(broadcast_id, max_messages=3)
    assert first.sent == 3
    assert not first.finished
    assert shop.job_queue.jobs == [(SEND_BROADCAST_JOB, {"broadcast_id": broadcast_id})]
    second = await shop.send_batch.execute(broadcast_id, max_messages=3)
    assert second.sent == 2
    assert second.finished
    assert sorted(shop.sender.sent) == [101, 102, 103, 104, 105]
    again = await shop.send_batch.execute(broadcast_id, max_messages=3)
    assert again.finished
    assert again.sent == 0
    assert len(shop.sender.sent) == 5
    progress = await shop.progress.execute(broadcast_id)
    assert progress.broadcast.status is BroadcastStatus.COMPLETED
    assert shop.notifier.of_type(BroadcastFinished) == [
        BroadcastFinished(ADMIN, broadcast_id, False, 5, 5, 0, 0, 0)
    ]


async def test_a_customer_who_blocked_the_bot_is_marked_and_skipped_next_time(
    shop: BroadcastShop,
) -> None:
    broadcast_id = await shop.started(customers=2)
    shop.sender.outcomes[CustomerId(101)] = DeliveryStatus.BLOCKED
    result = await shop.send_batch.execute(broadcast_id, max_messages=10)
    assert (result.sent, result.blocked) == (1, 1)
    async with shop.uow() as uow:
        customer = await uow.customers.get(CustomerId(101))
    assert customer is not None
    assert customer.blocked_bot
    next_time = await shop.draft()
    assert next_time.recipients == 1


async def test_a_broadcast_held_by_another_worker_is_left_alone(shop: BroadcastShop) -> None:
    broadcast_id = await shop.started(customers=2)
    lease = await shop.locks.acquire(f"broadcast:{broadcast_id}", 60)
    result = await shop.send_batch.execute(broadcast_id, max_messages=10)
    assert result.busy
    assert shop.sender.sent == []
    assert lease is not None
    await lease.release()
    assert (await shop.send_batch.execute(broadcast_id, max_messages=10)).sent == 2


async def test_cancelling_stops_before_the_next_message(shop: BroadcastShop) -> None:
    broadcast_id = await shop.started(customers=4)
    await shop.send_batch.execute(broadcast_id, max_messages=1)
    cancelled = await shop.cancel.execute(broadcast_id)
    assert cancelled.status is BroadcastStatus.CANCELLED
    result = await shop.send_batch.execute(broadcast_id, max_messages=10)
    assert result.finished
    assert len(shop.sender.sent) == 1
    progress = await shop.progress.execute(broadcast_id)
    assert progress.counts == DeliveryCounts(sent=1, skipped=3)
    (report,) = shop.notifier.of_type(BroadcastFinished)
    assert isinstance(report, BroadcastFinished)
    assert report.cancelled
    with pytest.raises(BroadcastStateError):
        await shop.cancel.execute(broadcast_id)


async def test_a_send_a_dead_worker_left_in_flight_is_never_repeated(
    shop: BroadcastShop,
) -> None:
    broadcast_id = await shop.started(customers=3)
    async with shop.uow() as uow:  # a worker claimed customer 101, then died
        assert await uow.broadcasts.claim_next(broadcast_id, shop.clock.now()) == 101
        await uow.commit()
    result = await shop.send_batch.execute(broadcast_id, max_messages=10)
    assert sorted(shop.sender.sent) == [102, 103]
    assert not result.finished  # 101 may still be in flight somewhere
    shop.clock.advance(seconds=61)  # longer than the lease: its worker is gone
    result = await shop.send_batch.execute(broadcast_id, max_messages=10)
    assert result.finished
    assert sorted(shop.sender.sent) == [102, 103]
    progress = await shop.progress.execute(broadcast_id)
    assert progress.counts == DeliveryCounts(sent=2, unconfirmed=1)


async def test_resume_queues_every_broadcast_still_sending(shop: BroadcastShop) -> None:
    broadcast_id = await shop.started(customers=1)
    await shop.draft()  # a draft is not resumed
    shop.job_queue.jobs.clear()
    assert await shop.resume.execute() == 1
    assert shop.job_queue.jobs == [(SEND_BROADCAST_JOB, {"broadcast_id": broadcast_id})]


async def test_each_unfinished_turn_reports_progress_to_the_admin(shop: BroadcastShop) -> None:
    broadcast_id = await shop.started(customers=5)

    await shop.send_batch.execute(broadcast_id, max_messages=3)
    await shop.send_batch.execute(broadcast_id, max_messages=3)

    assert shop.notifier.of_type(BroadcastProgressed) == [
        BroadcastProgressed(ADMIN, broadcast_id, total=5, done=3, sent=3, blocked=0, failed=0)
    ]  # the last turn finished it: the final report, not another progress line
    assert len(shop.notifier.of_type(BroadcastFinished)) == 1
