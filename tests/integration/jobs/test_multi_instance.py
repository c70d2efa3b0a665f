"""Several real shop processes against one PostgreSQL and one Redis: reminders fire once,
broadcasts deliver exactly once through 429s, and a killed worker's broadcast is finished by
another one without duplicates."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.jobs.engine import JobEngine, JobEngineConfig, build_job_engine
from shop_adapters.jobs.taskiq_queue import TaskiqJobQueue
from shop_adapters.persistence.engine import session_factory
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_adapters.redis.locks import RedisLock
from shop_adapters.system.clock import SystemClock
from shop_domain.model.broadcasts import (
    Audience,
    AudienceKind,
    BroadcastContent,
    BroadcastId,
    BroadcastStatus,
    DeliveryStatus,
)
from shop_domain.model.ids import CustomerId, SubscriptionId
from shop_domain.model.subscriptions import Subscription
from shop_domain.services.notification.create_broadcast import (
    CreateBroadcast,
    CreateBroadcastRequest,
)
from shop_domain.services.notification.start_broadcast import SEND_BROADCAST_JOB, StartBroadcast
from tests.integration.jobs.conftest import Spawn
from tests.integration.jobs.flaky_bot_api import FlakyBotApiServer
from tests.integration.jobs.seeding import (
    broadcast_status,
    in_hours,
    recipients_by_status,
    reminders_recorded,
    seed_customers,
)
from tests.integration.persistence.records import LIMITS

ADMIN = CustomerId(42_000)


@pytest.fixture
async def client_engine(redis_url: str, redis: Redis) -> AsyncIterator[JobEngine]:
    """The bot side: it only queues jobs, the spawned workers run them."""
    engine = build_job_engine(JobEngineConfig(redis_url=redis_url), RedisLock(redis))

    async def queued_for_the_workers(broadcast_id: str) -> None:
        raise AssertionError("runs in the worker processes only")

    engine.broker.register_task(queued_for_the_workers, task_name=SEND_BROADCAST_JOB)
    yield engine
    await engine.broker.shutdown()


async def start_broadcast(db: AsyncEngine, engine: JobEngine) -> BroadcastId:
    uow_factory = SqlAlchemyUnitOfWorkFactory(session_factory(db))
    clock = SystemClock()
    request = CreateBroadcastRequest(
        ADMIN, BroadcastContent("Big <b>news</b>"), Audience(AudienceKind.EVERYONE)
    )
    preview = await CreateBroadcast(uow_factory, clock).execute(request)
    queue = TaskiqJobQueue(engine.broker, engine.delayed)
    started = await StartBroadcast(uow_factory, clock, queue).execute(preview.broadcast.id)
    return started.id


async def until_finished(db: AsyncEngine, broadcast_id: BroadcastId, seconds: float) -> None:
    """Polls the database: the workers are other processes, nothing here can be awaited."""
    async with asyncio.timeout(seconds):
        while True:
            if await broadcast_status(db, broadcast_id) is not BroadcastStatus.SENDING:
                return
            await asyncio.sleep(0.3)


async def test_a_due_reminder_is_sent_once_by_two_scheduling_instances(
    db: AsyncEngine, redis: Redis, bot_api: FlakyBotApiServer, spawn: Spawn
) -> None:
    (customer,) = await seed_customers(db, 1)
    uow_factory = SqlAlchemyUnitOfWorkFactory(session_factory(db))
    async with uow_factory() as uow:
        await uow.subscriptions.add(
            Subscription(SubscriptionId("s1"), customer, expires_at=in_hours(23), limits=LIMITS)
        )
        await uow.commit()
    await spawn(role="both", every=1)
    await spawn(role="both", every=1)
    async with asyncio.timeout(30):
        await bot_api.wait_for(lambda: bot_api.delivered[customer] >= 1)
    await asyncio.sleep(4)  # several more ticks on both instances
    assert bot_api.delivered[customer] == 1
    assert bot_api.sent_texts(customer) == ["reminder 22h"]
    assert await reminders_recorded(db) == 1


async def test_a_broadcast_to_2000_customers_sends_exactly_2000_through_429s(
    db: AsyncEngine,
    redis: Redis,
    bot_api: FlakyBotApiServer,
    spawn: Spawn,
    client_engine: JobEngine,
) -> None:
    customers = await seed_customers(db, 2000)
    bot_api.throttle_every = 97
    await spawn(role="both", rate=400)
    await spawn(role="worker", rate=400)
    broadcast_id = await start_broadcast(db, client_engine)
    await until_finished(db, broadcast_id, 180)
    assert sum(bot_api.delivered[c] for c in customers) == 2000
    assert {bot_api.delivered[c] for c in customers} == {1}
    assert bot_api.throttled >= 20
    statuses = await recipients_by_status(db, broadcast_id)
    assert statuses == {DeliveryStatus.SENT: set(customers)}
    async with asyncio.timeout(10):
        await bot_api.wait_for(lambda: bot_api.delivered[ADMIN] == 1)
    assert bot_api.sent_texts(ADMIN) == ["report sent=2000 unconfirmed=0"]


async def test_a_killed_worker_s_broadcast_is_finished_by_another_without_duplicates(
    db: AsyncEngine,
    redis: Redis,
    bot_api: FlakyBotApiServer,
    spawn: Spawn,
    client_engine: JobEngine,
) -> None:
    customers = await seed_customers(db, 600)
    first = await spawn(role="both", rate=60)
    broadcast_id = await start_broadcast(db, client_engine)
    async with asyncio.timeout(60):
        await bot_api.wait_for(lambda: sum(bot_api.delivered.values()) >= 150)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    at_kill = sum(bot_api.delivered.values())
    assert at_kill < 600
    await spawn(role="both", rate=200)
    await until_finished(db, broadcast_id, 120)
    statuses = await recipients_by_status(db, broadcast_id)
    sent = statuses.get(DeliveryStatus.SENT, set())
    unconfirmed = statuses.get(DeliveryStatus.UNCONFIRMED, set())
    assert set(statuses) <= {DeliveryStatus.SENT, DeliveryStatus.UNCONFIRMED}
    assert len(unconfirmed) <= 4  # at most one message in flight per lane of the dead worker
    assert sent | unconfirmed == set(customers)
    assert max(bot_api.delivered[c] for c in customers) == 1  # nobody got a duplicate
    assert {c for c in customers if bot_api.delivered[c]} >= sent
