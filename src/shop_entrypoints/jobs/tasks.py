"""The shop's jobs, registered by name on a taskiq broker; each one calls one use case.

A job that raises is retried with backoff by the engine; each use case is idempotent (the
outbox, the reminder inbox, the broadcast deliveries), so a retry or a redelivery is harmless.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import structlog
from taskiq import AsyncBroker

from shop_domain.model.broadcasts import BroadcastId
from shop_domain.services.billing.expire_discount_reservations import ExpireDiscountReservations
from shop_domain.services.billing.reconcile_pending_payments import (
    ReconcilePendingPayments,
    ReconcilePendingPaymentsRequest,
)
from shop_domain.services.core.provision_subscription import ProvisionSubscription
from shop_domain.services.core.provisioning_queue import PROVISION_JOB
from shop_domain.services.core.retry_provisioning import RetryProvisioning
from shop_domain.services.core.sync_panel_users import SyncPanelUsers
from shop_domain.services.core.sync_subscription_states import SyncSubscriptionStates
from shop_domain.services.notification.resume_broadcasts import ResumeBroadcasts
from shop_domain.services.notification.send_broadcast_batch import SendBroadcastBatch
from shop_domain.services.notification.send_expiry_reminders import SendExpiryReminders
from shop_domain.services.notification.start_broadcast import SEND_BROADCAST_JOB

logger = structlog.get_logger(__name__)

RETRY_PROVISIONING_JOB = "retry_provisioning"
SEND_REMINDERS_JOB = "send_expiry_reminders"
RESUME_BROADCASTS_JOB = "resume_broadcasts"
RECONCILE_PAYMENTS_JOB = "reconcile_pending_payments"
EXPIRE_RESERVATIONS_JOB = "expire_discount_reservations"
SYNC_PANEL_JOB = "sync_panel_users"
SYNC_STATES_JOB = "sync_subscription_states"

JobHandler = Callable[..., Awaitable[None]]


@dataclass(frozen=True, slots=True)
class JobUseCases:
    """What the workers run; a use case left out (None) has no job and no schedule."""

    provision_subscription: ProvisionSubscription
    retry_provisioning: RetryProvisioning
    send_expiry_reminders: SendExpiryReminders
    send_broadcast_batch: SendBroadcastBatch
    resume_broadcasts: ResumeBroadcasts
    expire_discount_reservations: ExpireDiscountReservations | None = None
    reconcile_pending_payments: ReconcilePendingPayments | None = None
    sync_panel_users: SyncPanelUsers | None = None
    sync_subscription_states: SyncSubscriptionStates | None = None
    broadcast_batch_size: int = 100
    reconcile_request: ReconcilePendingPaymentsRequest = field(
        default_factory=ReconcilePendingPaymentsRequest
    )


def register_jobs(broker: AsyncBroker, jobs: JobUseCases) -> frozenset[str]:
    """Register every available job on `broker`; the names registered."""

    async def provision_subscription(job_id: str) -> None:
        await jobs.provision_subscription.execute(job_id)

    async def retry_provisioning() -> None:
        result = await jobs.retry_provisioning.execute()
        logger.info("provisioning_retried", attempted=result.attempted, ok=result.succeeded)

    async def send_expiry_reminders() -> None:
        logger.info("expiry_reminders_run", sent=await jobs.send_expiry_reminders.execute())

    async def send_broadcast(broadcast_id: str) -> None:
        batch = jobs.send_broadcast_batch
        result = await batch.execute(BroadcastId(broadcast_id), jobs.broadcast_batch_size)
        logger.info("broadcast_batch_done", broadcast_id=broadcast_id, sent=result.sent)

    async def resume_broadcasts() -> None:
        await jobs.resume_broadcasts.execute()

    handlers: dict[str, JobHandler] = {
        PROVISION_JOB: provision_subscription,
        RETRY_PROVISIONING_JOB: retry_provisioning,
        SEND_REMINDERS_JOB: send_expiry_reminders,
        SEND_BROADCAST_JOB: send_broadcast,
        RESUME_BROADCASTS_JOB: resume_broadcasts,
        **_optional_handlers(jobs),
    }
    for name, handler in handlers.items():
        broker.register_task(handler, task_name=name)
    return frozenset(handlers)


def _optional_handlers(jobs: JobUseCases) -> dict[str, JobHandler]:
    handlers: dict[str, JobHandler] = {}
    expire, reconcile, sync = (
        jobs.expire_discount_reservations,
        jobs.reconcile_pending_payments,
        jobs.sync_panel_users,
    )
    reconcile_request = jobs.reconcile_request
    if expire is not None:

        async def expire_discount_reservations() -> None:
            await expire.execute()

        handlers[EXPIRE_RESERVATIONS_JOB] = expire_discount_reservations
    if reconcile is not None:

        async def reconcile_pending_payments() -> None:
            await reconcile.execute(reconcile_request)

        handlers[RECONCILE_PAYMENTS_JOB] = reconcile_pending_payments
    if sync is not None:

        async def sync_panel_users() -> None:
            report = await sync.execute()
            logger.info("panel_users_synced", scanned=report.scanned, linked=report.linked)

        handlers[SYNC_PANEL_JOB] = sync_panel_users
    states = jobs.sync_subscription_states
    if states is not None:

        async def sync_subscription_states() -> None:
            report = await states.execute()
            logger.info("subscription_states_checked", checked=report.checked)

        handlers[SYNC_STATES_JOB] = sync_subscription_states
    return handlers
