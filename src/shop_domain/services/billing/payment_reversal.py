"""Reverse a credited payment inside an open unit of work: take the paid days back (or
revoke access when nothing is left), take back referral bonuses, and record panel pushes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from shop_domain.events import PaymentRefunded, ShopEvent
from shop_domain.model.ids import CustomerId
from shop_domain.model.payments import CREDITED, Payment, PaymentStatus
from shop_domain.model.provisioning import ProvisioningReason
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.unit_of_work import UnitOfWork
from shop_domain.services.core.grant_days import enqueue_provisioning


@dataclass(frozen=True, slots=True)
class Reversal:
    payment: Payment
    job_ids: tuple[str, ...]
    events: tuple[ShopEvent, ...]


async def reverse_payment(uow: UnitOfWork, payment: Payment, now: datetime) -> Reversal | None:
    """None when the payment was not credited (or is already refunded): nothing to undo."""
    was_credited = payment.status in CREDITED
    refunded = await uow.payments.transition(payment.id, PaymentStatus.REFUNDED, now)
    if refunded is None:
        return None
    job_ids: list[str] = []
    expires_at = None
    if was_credited:
        order = await uow.orders.get(payment.order_id)
        days = order.days if order is not None else 0
        reward = await uow.referral_rewards.get_by_payment(payment.id)
        if reward is not None and not reward.reversed:
            days += reward.invitee_days
            job = await _shorten(uow, reward.inviter_id, reward.inviter_days, now)
            if job is not None:
                job_ids.append(job[0])
            await uow.referral_rewards.update(replace(reward, reversed=True))
        shortened = await _shorten(uow, payment.customer_id, days, now)
        if shortened is not None:
            job_ids.append(shortened[0])
            expires_at = shortened[1].expires_at
    event = PaymentRefunded(payment.customer_id, payment.id, payment.amount, expires_at)
    return Reversal(refunded, tuple(job_ids), (event,))


async def _shorten(
    uow: UnitOfWork, customer_id: CustomerId, days: int, now: datetime
) -> tuple[str, Subscription] | None:
    if days <= 0:
        return None
    current = await uow.subscriptions.lock_by_customer(customer_id)
    if current is None:
        return None
    shortened = current.shorten(days, now)
    await uow.subscriptions.update(shortened)
    job = await enqueue_provisioning(uow, shortened, ProvisioningReason.REFUND, now)
    return job, shortened
