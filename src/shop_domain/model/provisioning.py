"""The provisioning outbox: panel calls recorded in the same transaction as the change.

The panel is called after the commit. A failed call stays in the outbox and is retried with
backoff until it succeeds; because the desired state is written with absolute values
(expiry, limits), repeating a job is always safe.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from shop_domain.model.ids import CustomerId, PaymentId, SubscriptionId

BASE_RETRY_SECONDS = 5
MAX_RETRY_SECONDS = 15 * 60


class ProvisioningReason(enum.StrEnum):
    PAYMENT = "payment"
    TRIAL = "trial"
    BONUS = "bonus"
    REFUND = "refund"
    OPERATOR = "operator"


@dataclass(frozen=True, slots=True)
class ProvisioningJob:
    id: str
    subscription_id: SubscriptionId
    customer_id: CustomerId
    reason: ProvisioningReason
    created_at: datetime
    next_attempt_at: datetime
    payment_id: PaymentId | None = None
    reset_traffic: bool = False
    attempts: int = 0
    done_at: datetime | None = None
    last_error: str | None = None

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def failed(self, error_code: str, now: datetime) -> ProvisioningJob:
        """Schedule the next attempt with exponential backoff, capped."""
        attempts = self.attempts + 1
        delay = min(BASE_RETRY_SECONDS * 2 ** (attempts - 1), MAX_RETRY_SECONDS)
        return replace(
            self,
            attempts=attempts,
            next_attempt_at=now + timedelta(seconds=delay),
            last_error=error_code,
        )

    def succeeded(self, now: datetime) -> ProvisioningJob:
        return replace(self, attempts=self.attempts + 1, done_at=now, last_error=None)


def provisioning_job(
    *,
    job_id: str,
    subscription_id: SubscriptionId,
    customer_id: CustomerId,
    reason: ProvisioningReason,
    now: datetime,
    payment_id: PaymentId | None = None,
    reset_traffic: bool = False,
) -> ProvisioningJob:
    """A job due now: the caller tries it right after the commit."""
    return ProvisioningJob(
        id=job_id,
        subscription_id=subscription_id,
        customer_id=customer_id,
        reason=reason,
        created_at=now,
        next_attempt_at=now,
        payment_id=payment_id,
        reset_traffic=reset_traffic,
    )
