"""The periodic schedules, from the `jobs` settings; only jobs that are registered get one."""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta

from taskiq import ScheduledTask

from shop_entrypoints.jobs.tasks import (
    EXPIRE_RESERVATIONS_JOB,
    RECONCILE_PAYMENTS_JOB,
    RESUME_BROADCASTS_JOB,
    RETRY_PROVISIONING_JOB,
    SEND_REMINDERS_JOB,
    SYNC_PANEL_JOB,
    SYNC_STATES_JOB,
)
from shop_entrypoints.settings.jobs import JobSettings


def periodic_schedules(settings: JobSettings, registered: Collection[str]) -> list[ScheduledTask]:
    every = {
        SEND_REMINDERS_JOB: settings.reminders_every_seconds,
        RETRY_PROVISIONING_JOB: settings.provisioning_every_seconds,
        RECONCILE_PAYMENTS_JOB: settings.reconciliation_every_seconds,
        EXPIRE_RESERVATIONS_JOB: settings.discount_expiry_every_seconds,
        SYNC_PANEL_JOB: settings.panel_sync_every_seconds,
        SYNC_STATES_JOB: settings.state_sync_every_seconds,
        RESUME_BROADCASTS_JOB: settings.broadcast_resume_every_seconds,
    }
    return [
        ScheduledTask(
            task_name=job,
            labels={},
            args=[],
            kwargs={},
            schedule_id=f"every:{job}",  # stable: the single-fire claim is keyed on it
            interval=timedelta(seconds=seconds),
        )
        for job, seconds in every.items()
        if job in registered
    ]
