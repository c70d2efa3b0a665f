"""Add days to a customer's access inside an open unit of work, and record the panel push."""

from __future__ import annotations

from datetime import datetime

from shop_domain.model.ids import CustomerId, PaymentId, SubscriptionId
from shop_domain.model.plans import AccessLimits
from shop_domain.model.provisioning import ProvisioningReason, provisioning_job
from shop_domain.model.subscriptions import Subscription, new_subscription
from shop_domain.ports.unit_of_work import UnitOfWork
from shop_domain.services.ids import new_id


async def grant_bonus_days(
    uow: UnitOfWork,
    *,
    customer_id: CustomerId,
    days: int,
    now: datetime,
    limits: AccessLimits,
    reason: ProvisioningReason,
    payment_id: PaymentId | None = None,
) -> tuple[Subscription, str]:
    """Bonus days extend the current subscription (or start one with `limits`)."""
    current = await uow.subscriptions.lock_by_customer(customer_id)
    if current is None:
        subscription = new_subscription(
            subscription_id=SubscriptionId(new_id()),
            customer_id=customer_id,
            now=now,
            days=days,
            limits=limits,
            plan_id=None,
            is_trial=False,
        )
        await uow.subscriptions.add(subscription)
    else:
        subscription = current.add_bonus_days(days, now)
        await uow.subscriptions.update(subscription)
    job_id = await enqueue_provisioning(uow, subscription, reason, now, payment_id=payment_id)
    return subscription, job_id


async def enqueue_provisioning(
    uow: UnitOfWork,
    subscription: Subscription,
    reason: ProvisioningReason,
    now: datetime,
    *,
    payment_id: PaymentId | None = None,
    reset_traffic: bool = False,
) -> str:
    job = provisioning_job(
        job_id=new_id(),
        subscription_id=subscription.id,
        customer_id=subscription.customer_id,
        reason=reason,
        now=now,
        payment_id=payment_id,
        reset_traffic=reset_traffic,
    )
    await uow.outbox.add(job)
    return job.id
