"""register_jobs and periodic_schedules: every job has a handler, only registered jobs run."""

from __future__ import annotations

import asyncio

from taskiq import InMemoryBroker

from shop_domain.services.billing.expire_discount_reservations import ExpireDiscountReservations
from shop_domain.services.notification.send_expiry_reminders import SendExpiryReminders
from shop_domain.services.notification.start_broadcast import SEND_BROADCAST_JOB
from shop_entrypoints.jobs.schedules import periodic_schedules
from shop_entrypoints.jobs.tasks import (
    EXPIRE_RESERVATIONS_JOB,
    RECONCILE_PAYMENTS_JOB,
    SEND_REMINDERS_JOB,
    JobUseCases,
    register_jobs,
)
from shop_entrypoints.settings.jobs import JobSettings
from tests.unit.services.broadcast_harness import BroadcastShop


def job_use_cases(shop: BroadcastShop) -> JobUseCases:
    return JobUseCases(
        provision_subscription=shop.provision,
        retry_provisioning=shop.retry_provisioning,
        send_expiry_reminders=SendExpiryReminders(shop.uow, shop.clock, shop.reminders),
        send_broadcast_batch=shop.send_batch,
        resume_broadcasts=shop.resume,
        expire_discount_reservations=ExpireDiscountReservations(shop.uow, shop.clock),
    )


async def test_jobs_call_their_use_cases_and_only_registered_ones_are_scheduled() -> None:
    shop = BroadcastShop()
    broker = InMemoryBroker(await_inplace=True)
    names = register_jobs(broker, job_use_cases(shop))
    assert SEND_REMINDERS_JOB in names
    assert EXPIRE_RESERVATIONS_JOB in names
    assert RECONCILE_PAYMENTS_JOB not in names  # not given: no job, no schedule

    schedules = periodic_schedules(JobSettings(reminders_every_seconds=60), names)
    by_job = {schedule.task_name: schedule for schedule in schedules}
    assert RECONCILE_PAYMENTS_JOB not in by_job
    assert by_job[SEND_REMINDERS_JOB].interval is not None
    assert by_job[SEND_REMINDERS_JOB].schedule_id == f"every:{SEND_REMINDERS_JOB}"

    broadcast_id = await shop.started(customers=2)
    task = broker.find_task(SEND_BROADCAST_JOB)
    assert task is not None
    await task.kiq(broadcast_id=broadcast_id)
    await asyncio.sleep(0)
    assert sorted(shop.sender.sent) == [101, 102]
