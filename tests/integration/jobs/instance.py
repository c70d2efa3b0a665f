"""One shop instance for the multi-process job tests: `python -m tests.integration.jobs.instance`.

It wires the real pieces (PostgreSQL, Redis, the taskiq engine, aiogram against the fake Bot
API) the way the composition root does, registers the jobs and runs a worker, a scheduler or
both until it is killed.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from shop_adapters.jobs.engine import JobEngineConfig, build_job_engine
from shop_adapters.jobs.scheduler import build_scheduler
from shop_adapters.jobs.send_rate import RedisSendRateLimiter
from shop_adapters.jobs.taskiq_queue import TaskiqJobQueue
from shop_adapters.persistence.engine import create_engine, session_factory
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_adapters.redis.client import create_redis
from shop_adapters.redis.locks import RedisLock
from shop_adapters.system.clock import SystemClock
from shop_adapters.telegram.broadcast_sender import TelegramBroadcastSender
from shop_adapters.telegram.notifier import TelegramNotifier
from shop_adapters.telegram.outgoing import OutgoingMessage
from shop_domain.events import BroadcastFinished, ExpiryReminderDue, ShopEvent
from shop_domain.services.core.provision_subscription import ProvisionSubscription
from shop_domain.services.core.retry_provisioning import RetryProvisioning
from shop_domain.services.notification.expiry_reminders import ExpiryReminders
from shop_domain.services.notification.resume_broadcasts import ResumeBroadcasts
from shop_domain.services.notification.send_broadcast_batch import (
    BroadcastTuning,
    SendBroadcastBatch,
)
from shop_domain.services.notification.send_expiry_reminders import SendExpiryReminders
from shop_entrypoints.jobs.runner import run_scheduler, run_worker
from shop_entrypoints.jobs.schedules import periodic_schedules
from shop_entrypoints.jobs.tasks import JobUseCases, register_jobs
from shop_entrypoints.settings.jobs import JobSettings
from tests.unit.fakes import FakeVpnPanel

TOKEN = "42:TEST"  # noqa: S105 - the fake Bot API's token


class PlainMessages:
    """A stand-in for the bot's renderer: one plain message per event this test cares about."""

    async def render(self, event: ShopEvent) -> Sequence[OutgoingMessage]:
        if isinstance(event, ExpiryReminderDue):
            text = f"reminder {event.hours_left}h"
            return [OutgoingMessage(chat_id=event.customer_id, text=text)]
        if isinstance(event, BroadcastFinished):
            text = f"report sent={event.sent} unconfirmed={event.unconfirmed}"
            return [OutgoingMessage(chat_id=event.admin_id, text=text, is_customer=False)]
        return []


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", choices=["worker", "scheduler", "both"], default="both")
    parser.add_argument("--database", required=True)
    parser.add_argument("--redis", required=True)
    parser.add_argument("--bot-api", required=True)
    parser.add_argument("--rate", type=int, default=25)
    parser.add_argument("--lease", type=float, default=3.0)
    parser.add_argument("--every", type=int, default=2)
    return parser.parse_args()


async def main(args: argparse.Namespace) -> None:
    engine = create_engine(args.database)
    uow_factory = SqlAlchemyUnitOfWorkFactory(session_factory(engine))
    redis = create_redis(args.redis)
    locks = RedisLock(redis)
    settings = JobSettings(
        reminders_every_seconds=args.every,
        provisioning_every_seconds=args.every,
        broadcast_resume_every_seconds=args.every,
        broadcast_rate_per_second=args.rate,
        redelivery_idle_seconds=2,
    )
    jobs_engine = build_job_engine(
        JobEngineConfig(
            redis_url=args.redis, redelivery_idle_seconds=2, retry_base_delay_seconds=1
        ),
        locks,
    )
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(args.bot_api)))
    clock = SystemClock()
    notifier = TelegramNotifier(bot, PlainMessages())
    queue = TaskiqJobQueue(jobs_engine.broker, jobs_engine.delayed)
    sender = TelegramBroadcastSender(bot, RedisSendRateLimiter(redis, args.rate))
    provision = ProvisionSubscription(uow_factory, FakeVpnPanel(), clock, notifier)
    use_cases = JobUseCases(
        provision_subscription=provision,
        retry_provisioning=RetryProvisioning(uow_factory, clock, provision),
        send_expiry_reminders=SendExpiryReminders(
            uow_factory, clock, ExpiryReminders(uow_factory, clock, notifier)
        ),
        send_broadcast_batch=SendBroadcastBatch(
            uow_factory,
            clock,
            sender,
            notifier,
            locks,
            queue,
            tuning=BroadcastTuning(lanes=4, lease_seconds=args.lease),
        ),
        resume_broadcasts=ResumeBroadcasts(uow_factory, queue),
        broadcast_batch_size=50,
    )
    registered = register_jobs(jobs_engine.broker, use_cases)
    scheduler = build_scheduler(jobs_engine, periodic_schedules(settings, registered), locks)
    async with asyncio.TaskGroup() as group:
        if args.role in {"worker", "both"}:
            group.create_task(run_worker(jobs_engine.broker, concurrency=10))
        if args.role in {"scheduler", "both"}:
            group.create_task(run_scheduler(scheduler, refresh_seconds=1))


if __name__ == "__main__":
    asyncio.run(main(_arguments()))
