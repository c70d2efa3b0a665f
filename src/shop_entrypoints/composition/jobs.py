"""Jobs: the use cases only the workers run, bundled as `JobUseCases` for `register_jobs`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from dependency_injector import containers, providers

from shop_adapters.jobs.send_rate import InProcessSendRateLimiter, RedisSendRateLimiter
from shop_adapters.telegram.broadcast_sender import TelegramBroadcastSender
from shop_domain.ports.notifier import Notifier
from shop_domain.services.billing.expire_discount_reservations import ExpireDiscountReservations
from shop_domain.services.billing.reconcile_pending_payments import (
    ReconcilePendingPayments,
    ReconcilePendingPaymentsRequest,
)
from shop_domain.services.core.sync_subscription_states import SyncSubscriptionStates
from shop_domain.services.notification.resume_broadcasts import ResumeBroadcasts
from shop_domain.services.notification.send_broadcast_batch import SendBroadcastBatch
from shop_domain.services.notification.send_expiry_reminders import (
    ReminderSchedule,
    SendExpiryReminders,
)
from shop_entrypoints.composition.adapters import state_backend
from shop_entrypoints.jobs.tasks import JobUseCases


def reminder_schedule(jobs: Mapping[str, Any]) -> ReminderSchedule:
    return ReminderSchedule(
        offsets_hours=tuple(jobs["reminder_offsets_hours"]),
        catch_up=timedelta(hours=jobs["reminder_catch_up_hours"]),
    )


def reconcile_request(payments: Mapping[str, Any]) -> ReconcilePendingPaymentsRequest:
    return ReconcilePendingPaymentsRequest(
        min_age=timedelta(minutes=payments["reconcile_after_minutes"]),
        give_up_after=timedelta(hours=payments["reconcile_give_up_hours"]),
        batch_size=payments["reconcile_batch_size"],
    )


class Jobs(containers.DeclarativeContainer):
    config = providers.Configuration(strict=True)
    infra = providers.DependenciesContainer()
    adapters = providers.DependenciesContainer()
    use_cases = providers.DependenciesContainer()
    notifier: providers.Dependency[Notifier] = providers.Dependency()

    _rate = config.jobs.broadcast_rate_per_second
    send_rate = providers.Selector(
        providers.Callable(state_backend, config.redis.url),
        redis=providers.Singleton(RedisSendRateLimiter, infra.redis, _rate),
        memory=providers.Singleton(InProcessSendRateLimiter, _rate),
    )
    broadcast_sender = providers.Singleton(TelegramBroadcastSender, infra.bot, send_rate)

    send_expiry_reminders = providers.Singleton(
        SendExpiryReminders,
        infra.uow_factory,
        adapters.clock,
        use_cases.expiry_reminders,
        providers.Callable(reminder_schedule, config.jobs),
    )
    send_broadcast_batch = providers.Singleton(
        SendBroadcastBatch,
        infra.uow_factory,
        adapters.clock,
        broadcast_sender,
        notifier,
        adapters.locks,
        adapters.job_queue,
    )
    resume_broadcasts = providers.Singleton(ResumeBroadcasts, infra.uow_factory, adapters.job_queue)
    expire_discount_reservations = providers.Singleton(
        ExpireDiscountReservations, infra.uow_factory, adapters.clock
    )
    reconcile_pending_payments = providers.Singleton(
        ReconcilePendingPayments,
        infra.uow_factory,
        adapters.clock,
        adapters.gateways,
        use_cases.confirm_payment,
    )
    sync_subscription_states = providers.Singleton(
        SyncSubscriptionStates,
        infra.uow_factory,
        adapters.clock,
        adapters.panel,
        use_cases.provisioning_queue,
    )
    job_use_cases = providers.Singleton(
        JobUseCases,
        provision_subscription=use_cases.provision_subscription,
        retry_provisioning=use_cases.retry_provisioning,
        send_expiry_reminders=send_expiry_reminders,
        send_broadcast_batch=send_broadcast_batch,
        resume_broadcasts=resume_broadcasts,
        expire_discount_reservations=expire_discount_reservations,
        reconcile_pending_payments=reconcile_pending_payments,
        sync_panel_users=use_cases.sync_panel_users,
        sync_subscription_states=sync_subscription_states,
        broadcast_batch_size=config.jobs.broadcast_batch_size,
        reconcile_request=providers.Callable(reconcile_request, config.payments),
    )
