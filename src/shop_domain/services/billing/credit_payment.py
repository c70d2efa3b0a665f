"""What a credited payment grants, inside the confirming unit of work: the paid days under
a row lock, the promo reservation consumed, referral bonuses, and the outbox jobs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from shop_domain.errors import CustomerNotFoundError
from shop_domain.events import PaymentSucceeded, ReferralBonusGranted, ShopEvent
from shop_domain.model.customers import Customer
from shop_domain.model.ids import SubscriptionId
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment
from shop_domain.model.promo_codes import ActivationStatus
from shop_domain.model.provisioning import ProvisioningReason
from shop_domain.model.referrals import ReferralReward
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.model.subscriptions import RenewalPolicy, Subscription, new_subscription
from shop_domain.ports.unit_of_work import UnitOfWork
from shop_domain.services.core.grant_days import enqueue_provisioning, grant_bonus_days
from shop_domain.services.ids import new_id


@dataclass(frozen=True, slots=True)
class Credit:
    subscription: Subscription
    job_ids: tuple[str, ...]
    events: tuple[ShopEvent, ...]


class PaymentCrediting:
    def __init__(self, policy: ShopPolicy) -> None:
        self._policy = policy

    async def credit(
        self, uow: UnitOfWork, payment: Payment, order: Order, now: datetime
    ) -> Credit:
        customer = await uow.customers.get(payment.customer_id)
        if customer is None:  # pragma: no cover - the foreign key forbids it
            raise CustomerNotFoundError(str(payment.customer_id))
        subscription, job_id = await self._extend(uow, payment, order, now)
        if not customer.has_paid:
            await uow.customers.update(customer.mark_paid())
        await self._consume_promo(uow, order)
        events: list[ShopEvent] = [
            PaymentSucceeded(
                customer.id,
                payment.id,
                order.id,
                payment.provider,
                payment.amount,
                order.plan_id,
                order.days,
                subscription.expires_at,
            )
        ]
        job_ids = [job_id]
        bonus = await self._referral_bonus(uow, customer, payment, order, now)
        if bonus is not None:
            job_ids += bonus[0]
            events += bonus[1]
        return Credit(subscription, tuple(job_ids), tuple(events))

    async def _extend(
        self, uow: UnitOfWork, payment: Payment, order: Order, now: datetime
    ) -> tuple[Subscription, str]:
        current = await uow.subscriptions.lock_by_customer(payment.customer_id)
        if current is None:
            subscription = new_subscription(
                subscription_id=SubscriptionId(new_id()),
                customer_id=payment.customer_id,
                now=now,
                days=order.days,
                limits=order.limits,
                plan_id=order.plan_id,
                is_trial=False,
            )
            await uow.subscriptions.add(subscription)
        else:
            subscription = current.extend(
                days=order.days, now=now, plan_id=order.plan_id, limits=order.limits
            )
            await uow.subscriptions.update(subscription)
        reset = current is not None and self._policy.renewal is RenewalPolicy.RESET_TRAFFIC
        job_id = await enqueue_provisioning(
            uow,
            subscription,
            ProvisioningReason.PAYMENT,
            now,
            payment_id=payment.id,
            reset_traffic=reset,
        )
        return subscription, job_id

    async def _consume_promo(self, uow: UnitOfWork, order: Order) -> None:
        if order.promo_code_id is None:
            return
        activation = await uow.promo_codes.get_activation(order.promo_code_id, order.customer_id)
        if activation is not None and activation.status is not ActivationStatus.USED:
            await uow.promo_codes.update_activation(
                replace(activation, status=ActivationStatus.USED)
            )

    async def _referral_bonus(
        self, uow: UnitOfWork, customer: Customer, payment: Payment, order: Order, now: datetime
    ) -> tuple[list[str], list[ShopEvent]] | None:
        if customer.referred_by is None:
            return None
        inviter_days, invitee_days = self._policy.referral.bonuses_for(
            purchased_days=order.days, is_first_purchase=not customer.has_paid
        )
        if not inviter_days and not invitee_days:
            return None
        job_ids: list[str] = []
        events: list[ShopEvent] = []
        limits = self._policy.bonus_limits
        if inviter_days:
            _, job = await grant_bonus_days(
                uow,
                customer_id=customer.referred_by,
                days=inviter_days,
                now=now,
                limits=limits,
                reason=ProvisioningReason.BONUS,
            )
            job_ids.append(job)
            events.append(ReferralBonusGranted(customer.referred_by, inviter_days, customer.id))
        if invitee_days:
            _, job = await grant_bonus_days(
                uow,
                customer_id=customer.id,
                days=invitee_days,
                now=now,
                limits=limits,
                reason=ProvisioningReason.BONUS,
            )
            job_ids.append(job)
        await uow.referral_rewards.add(
            ReferralReward(
                payment.id, customer.referred_by, customer.id, inviter_days, invitee_days
            )
        )
        return job_ids, events
