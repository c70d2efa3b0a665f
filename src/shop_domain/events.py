"""Domain events: past-tense facts the notifier turns into messages for customers and admins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shop_domain.model.alerts import AlertKind
from shop_domain.model.ids import CampaignId, CustomerId, OrderId, PaymentId, PlanId
from shop_domain.model.money import Money


@dataclass(frozen=True, slots=True)
class CustomerRegistered:
    customer_id: CustomerId
    username: str | None
    referred_by: CustomerId | None
    campaign_id: CampaignId | None


@dataclass(frozen=True, slots=True)
class TrialStarted:
    customer_id: CustomerId
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class PaymentSucceeded:
    customer_id: CustomerId
    payment_id: PaymentId
    order_id: OrderId
    provider: str
    amount: Money
    plan_id: PlanId
    days: int
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class PaymentHeldForReview:
    customer_id: CustomerId
    payment_id: PaymentId
    provider: str
    expected: Money
    received: Money


@dataclass(frozen=True, slots=True)
class SubscriptionReady:
    """Access was pushed to the panel: the customer can connect with this link."""

    customer_id: CustomerId
    subscription_url: str
    expires_at: datetime
    after_payment: PaymentId | None


@dataclass(frozen=True, slots=True)
class ReferralBonusGranted:
    customer_id: CustomerId
    days: int
    invitee_id: CustomerId


@dataclass(frozen=True, slots=True)
class PaymentRefunded:
    customer_id: CustomerId
    payment_id: PaymentId
    amount: Money
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class ProvisioningFailed:
    customer_id: CustomerId
    attempts: int
    error_code: str


@dataclass(frozen=True, slots=True)
class ExpiryReminderDue:
    """Access ends soon (hours_left > 0) or ended (hours_left <= 0): offer a renewal."""

    customer_id: CustomerId
    expires_at: datetime
    hours_left: int


@dataclass(frozen=True, slots=True)
class TrafficLimitReached:
    customer_id: CustomerId


@dataclass(frozen=True, slots=True)
class OperatorMessageSent:
    """An operator wrote to a customer from the admin card."""

    customer_id: CustomerId
    text: str


@dataclass(frozen=True, slots=True)
class BroadcastProgressed:
    """A worker finished a turn of a broadcast that still has recipients: live progress for
    the admin who sent it (one message, updated in place)."""

    admin_id: CustomerId
    broadcast_id: str
    total: int
    done: int
    sent: int
    blocked: int
    failed: int


@dataclass(frozen=True, slots=True)
class BroadcastFinished:
    """A broadcast ended (completed or cancelled): the final report for the admin who sent it."""

    admin_id: CustomerId
    broadcast_id: str
    cancelled: bool
    total: int
    sent: int
    blocked: int
    failed: int
    unconfirmed: int


@dataclass(frozen=True, slots=True)
class OperationalAlertRaised:
    """An operational incident began (panel down, outbox backlog, forged webhooks): one
    message to the admin log chat. `value` is what was measured, `threshold` the limit."""

    kind: AlertKind
    subject: str
    value: int
    threshold: int


ShopEvent = (
    CustomerRegistered
    | TrialStarted
    | PaymentSucceeded
    | PaymentHeldForReview
    | SubscriptionReady
    | ReferralBonusGranted
    | PaymentRefunded
    | ProvisioningFailed
    | ExpiryReminderDue
    | TrafficLimitReached
    | OperatorMessageSent
    | BroadcastProgressed
    | BroadcastFinished
    | OperationalAlertRaised
)
