"""A customer's access and the rules that move its expiry."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from shop_domain.model.ids import CustomerId, PanelUserRef, PlanId, SubscriptionId
from shop_domain.model.plans import AccessLimits


class SubscriptionStatus(enum.StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    DISABLED = "disabled"  # banned or revoked by an operator or a refund
    LIMITED = "limited"  # traffic limit reached (reported by the panel)


class RenewalPolicy(enum.StrEnum):
    """What a paid renewal does to used traffic."""

    RESET_TRAFFIC = "reset_traffic"
    KEEP_TRAFFIC = "keep_traffic"


def extended_expiry(current: datetime | None, now: datetime, days: int) -> datetime:
    """Renewal extends from max(expiry, now): unused days are never lost, lapsed ones never
    paid back."""
    start = now if current is None or current < now else current
    return start + timedelta(days=days)


def shortened_expiry(current: datetime, now: datetime, days: int) -> datetime:
    """Take `days` back (a refund); never earlier than `now`."""
    shortened = current - timedelta(days=days)
    return max(shortened, now)


@dataclass(frozen=True, slots=True)
class Subscription:
    """One customer has at most one subscription; renewals extend it."""

    id: SubscriptionId
    customer_id: CustomerId
    expires_at: datetime
    limits: AccessLimits
    status: SubscriptionStatus = SubscriptionStatus.ACTIVE
    plan_id: PlanId | None = None
    is_trial: bool = False
    panel_user_ref: PanelUserRef | None = None
    subscription_url: str | None = None
    version: int = 0  # bumped on every change so the outbox provisions the newest state

    def is_active_at(self, now: datetime) -> bool:
        return self.status is SubscriptionStatus.ACTIVE and self.expires_at > now

    def days_left(self, now: datetime) -> int:
        """Whole days left, a started day counted: a 3-day trial shows 3 just after it began."""
        remaining = self.expires_at - now
        if remaining <= timedelta(0):
            return 0
        return -(-remaining // timedelta(days=1))

    def extend(
        self,
        *,
        days: int,
        now: datetime,
        plan_id: PlanId | None,
        limits: AccessLimits,
    ) -> Subscription:
        """A paid renewal: extend from max(expiry, now), switch to the paid plan's limits."""
        return replace(
            self,
            expires_at=extended_expiry(self.expires_at, now, days),
            limits=limits,
            plan_id=plan_id,
            is_trial=False,
            status=SubscriptionStatus.ACTIVE,
            version=self.version + 1,
        )

    def add_bonus_days(self, days: int, now: datetime) -> Subscription:
        """Bonus days keep the current plan and limits."""
        status = SubscriptionStatus.ACTIVE if self.status in _REVIVABLE else self.status
        return replace(
            self,
            expires_at=extended_expiry(self.expires_at, now, days),
            status=status,
            version=self.version + 1,
        )

    def shorten(self, days: int, now: datetime) -> Subscription:
        expires_at = shortened_expiry(self.expires_at, now, days)
        status = SubscriptionStatus.EXPIRED if expires_at <= now else self.status
        return replace(self, expires_at=expires_at, status=status, version=self.version + 1)

    def disable(self) -> Subscription:
        return replace(self, status=SubscriptionStatus.DISABLED, version=self.version + 1)

    def enable(self, now: datetime) -> Subscription:
        status = SubscriptionStatus.ACTIVE if self.expires_at > now else SubscriptionStatus.EXPIRED
        return replace(self, status=status, version=self.version + 1)

    def linked_to_panel(self, ref: PanelUserRef, subscription_url: str) -> Subscription:
        return replace(self, panel_user_ref=ref, subscription_url=subscription_url)

    def with_status(self, status: SubscriptionStatus) -> Subscription:
        return replace(self, status=status)


_REVIVABLE = frozenset({SubscriptionStatus.ACTIVE, SubscriptionStatus.EXPIRED})


def new_subscription(
    *,
    subscription_id: SubscriptionId,
    customer_id: CustomerId,
    now: datetime,
    days: int,
    limits: AccessLimits,
    plan_id: PlanId | None,
    is_trial: bool,
) -> Subscription:
    return Subscription(
        id=subscription_id,
        customer_id=customer_id,
        expires_at=extended_expiry(None, now, days),
        limits=limits,
        plan_id=plan_id,
        is_trial=is_trial,
        version=1,
    )
