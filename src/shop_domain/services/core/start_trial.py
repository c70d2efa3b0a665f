"""The free trial: once per customer, never after a paid subscription."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from shop_domain.errors import (
    ConcurrentUpdateError,
    CustomerBannedError,
    CustomerNotFoundError,
    TermsNotAcceptedError,
    TrialAlreadyUsedError,
    TrialNotAvailableError,
)
from shop_domain.events import TrialStarted
from shop_domain.model.ids import CustomerId, SubscriptionId
from shop_domain.model.provisioning import ProvisioningReason
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.model.subscriptions import Subscription, new_subscription
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.core.grant_days import enqueue_provisioning
from shop_domain.services.core.provision_subscription import ProvisionSubscription
from shop_domain.services.ids import new_id

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StartTrialResult:
    subscription: Subscription
    provisioned: bool  # False: the panel is unreachable now, the outbox will retry


class StartTrial:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        policy: ShopPolicy,
        provision: ProvisionSubscription,
        notifier: Notifier,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._policy = policy
        self._provision = provision
        self._notifier = notifier

    async def execute(self, customer_id: CustomerId) -> StartTrialResult:
        trial = self._policy.trial
        if not trial.enabled:
            raise TrialNotAvailableError("the trial is switched off")
        now = self._clock.now()
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
            if customer is None:
                raise CustomerNotFoundError(str(customer_id))
            if customer.is_banned:
                raise CustomerBannedError(str(customer_id))
            if self._policy.require_terms and not customer.accepted_terms:
                raise TermsNotAcceptedError(str(customer_id))
            existing = await uow.subscriptions.lock_by_customer(customer_id)
            if not customer.may_start_trial or existing is not None:
                raise TrialAlreadyUsedError(str(customer_id))
            subscription = new_subscription(
                subscription_id=SubscriptionId(new_id()),
                customer_id=customer_id,
                now=now,
                days=trial.days,
                limits=trial.limits,
                plan_id=None,
                is_trial=True,
            )
            try:
                await uow.subscriptions.add(subscription)
                await uow.customers.update(customer.mark_trial_used())
                job_id = await enqueue_provisioning(
                    uow, subscription, ProvisioningReason.TRIAL, now
                )
                await uow.commit()
            except ConcurrentUpdateError:
                raise TrialAlreadyUsedError(str(customer_id)) from None  # a double tap
        logger.info("trial_started", extra={"customer_id": customer_id})
        await self._notifier.notify(TrialStarted(customer_id, subscription.expires_at))
        # The trial screen shows the link; a later retry of a failed push announces it.
        outcome = await self._provision.execute(job_id, announce=False)
        return StartTrialResult(outcome.subscription or subscription, outcome.succeeded)
