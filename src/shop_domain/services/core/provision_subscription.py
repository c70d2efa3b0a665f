"""Push a subscription's state to the panel, outside any database transaction.

The job was committed to the outbox with the change that caused it. The panel call writes
absolute values, so running a job twice (two workers, a retry) is harmless.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from shop_domain.errors import VpnPanelError, VpnPanelUserNotFoundError
from shop_domain.events import ProvisioningFailed, SubscriptionReady
from shop_domain.model.payments import PaymentStatus
from shop_domain.model.provisioning import ProvisioningJob, ProvisioningReason
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import DesiredAccess, PanelUser, VpnPanel

logger = logging.getLogger(__name__)

ALERT_AFTER_ATTEMPTS = 5
_ANNOUNCED = frozenset({ProvisioningReason.PAYMENT, ProvisioningReason.TRIAL})


@dataclass(frozen=True, slots=True)
class ProvisioningOutcome:
    succeeded: bool
    subscription: Subscription | None = None
    error_code: str | None = None


def desired_access(subscription: Subscription) -> DesiredAccess:
    return DesiredAccess(
        telegram_id=subscription.customer_id,
        expires_at=subscription.expires_at,
        limits=subscription.limits,
        enabled=subscription.status is not SubscriptionStatus.DISABLED,
    )


class ProvisionSubscription:
    def __init__(
        self, uow_factory: UnitOfWorkFactory, panel: VpnPanel, clock: Clock, notifier: Notifier
    ) -> None:
        self._uow_factory = uow_factory
        self._panel = panel
        self._clock = clock
        self._notifier = notifier

    async def execute(self, job_id: str, *, announce: bool = True) -> ProvisioningOutcome:
        """Push the job's subscription to the panel. `announce=False` when the caller shows
        the link itself (the trial screen), so the customer does not get it twice."""
        async with self._uow_factory() as uow:
            job = await uow.outbox.get(job_id)
            if job is None or job.is_done:
                return ProvisioningOutcome(succeeded=True)
            subscription = await uow.subscriptions.get(job.subscription_id)
        if subscription is None:  # pragma: no cover - the foreign key forbids it
            return ProvisioningOutcome(succeeded=False, error_code="subscription_not_found")
        try:
            panel_user = await self._push(subscription, job)
        except VpnPanelError as error:
            await self._record_failure(job, error)
            return ProvisioningOutcome(False, subscription, error.code)
        linked = await self._record_success(job, panel_user)
        if announce and job.reason in _ANNOUNCED and linked.subscription_url:
            await self._notifier.notify(
                SubscriptionReady(
                    linked.customer_id, linked.subscription_url, linked.expires_at, job.payment_id
                )
            )
        return ProvisioningOutcome(True, linked)

    async def _push(self, subscription: Subscription, job: ProvisioningJob) -> PanelUser:
        access = desired_access(subscription)
        if subscription.panel_user_ref is None:
            user = await self._panel.ensure_user(access)
        else:
            try:
                user = await self._panel.apply_access(subscription.panel_user_ref, access)
            except VpnPanelUserNotFoundError:  # deleted on the panel: create it again
                user = await self._panel.ensure_user(access)
        if job.reset_traffic:
            await self._panel.reset_traffic(user.ref)
        return user

    async def _record_failure(self, job: ProvisioningJob, error: VpnPanelError) -> None:
        failed = job.failed(error.code, self._clock.now())
        async with self._uow_factory() as uow:
            await uow.outbox.update(failed)
            await uow.commit()
        logger.warning(
            "provisioning_failed",
            extra={"job_id": job.id, "attempts": failed.attempts, "error_code": error.code},
        )
        if failed.attempts == ALERT_AFTER_ATTEMPTS:
            await self._notifier.notify(
                ProvisioningFailed(job.customer_id, failed.attempts, error.code)
            )

    async def _record_success(self, job: ProvisioningJob, user: PanelUser) -> Subscription:
        now = self._clock.now()
        async with self._uow_factory() as uow:
            current = await uow.subscriptions.lock_by_customer(job.customer_id)
            if current is None:  # pragma: no cover - subscriptions are never deleted
                raise VpnPanelError("subscription vanished while provisioning")
            linked = current.linked_to_panel(user.ref, user.subscription_url)
            if linked != current:
                await uow.subscriptions.update(linked)
            await uow.outbox.update(job.succeeded(now))
            if job.payment_id is not None:
                await uow.payments.transition(job.payment_id, PaymentStatus.PROVISIONED, now)
            await uow.commit()
        logger.info("subscription_provisioned", extra={"job_id": job.id, "reason": job.reason})
        return linked
