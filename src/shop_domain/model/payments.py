"""Payments and their one-way state machine.

pending -> paid -> provisioned; pending -> failed | expired | held; paid/provisioned -> refunded.
A payment never moves backwards from paid. A late confirmation of an expired or failed
checkout is still honoured (the money was taken); a mismatched amount is held for review.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime

from shop_domain.errors import InvalidPaymentTransitionError
from shop_domain.model.ids import CustomerId, OrderId, PaymentId
from shop_domain.model.money import Money


class PaymentStatus(enum.StrEnum):
    PENDING = "pending"
    PAID = "paid"  # credited; access not yet pushed to the panel
    PROVISIONED = "provisioned"  # credited and pushed to the panel
    FAILED = "failed"
    EXPIRED = "expired"
    HELD = "held"  # confirmed with a mismatching amount: an operator decides
    REFUNDED = "refunded"


_ALLOWED: dict[PaymentStatus, frozenset[PaymentStatus]] = {
    PaymentStatus.PENDING: frozenset(
        {PaymentStatus.PAID, PaymentStatus.FAILED, PaymentStatus.EXPIRED, PaymentStatus.HELD}
    ),
    PaymentStatus.FAILED: frozenset({PaymentStatus.PAID, PaymentStatus.HELD}),
    PaymentStatus.EXPIRED: frozenset({PaymentStatus.PAID, PaymentStatus.HELD}),
    PaymentStatus.HELD: frozenset({PaymentStatus.PAID, PaymentStatus.REFUNDED}),
    PaymentStatus.PAID: frozenset({PaymentStatus.PROVISIONED, PaymentStatus.REFUNDED}),
    PaymentStatus.PROVISIONED: frozenset({PaymentStatus.REFUNDED}),
    PaymentStatus.REFUNDED: frozenset(),
}

#: Statuses from which a confirmation credits the customer.
CREDITABLE = frozenset({PaymentStatus.PENDING, PaymentStatus.FAILED, PaymentStatus.EXPIRED})
#: Statuses that mean "the customer has been credited".
CREDITED = frozenset({PaymentStatus.PAID, PaymentStatus.PROVISIONED})


def can_transition(current: PaymentStatus, target: PaymentStatus) -> bool:
    return target in _ALLOWED[current]


def sources_of(target: PaymentStatus) -> frozenset[PaymentStatus]:
    """Every status a payment may move to `target` from: the WHERE of a compare-and-set."""
    return frozenset(status for status, targets in _ALLOWED.items() if target in targets)


@dataclass(frozen=True, slots=True)
class Payment:
    id: PaymentId
    order_id: OrderId
    customer_id: CustomerId
    provider: str
    amount: Money
    status: PaymentStatus
    created_at: datetime
    provider_payment_id: str | None = None
    paid_at: datetime | None = None
    refunded_at: datetime | None = None
    checkout_url: str | None = None

    def transition(self, target: PaymentStatus, now: datetime) -> Payment:
        if not can_transition(self.status, target):
            raise InvalidPaymentTransitionError(f"{self.status} -> {target}")
        paid_at = now if target is PaymentStatus.PAID else self.paid_at
        refunded_at = now if target is PaymentStatus.REFUNDED else self.refunded_at
        return replace(self, status=target, paid_at=paid_at, refunded_at=refunded_at)

    @property
    def is_credited(self) -> bool:
        return self.status in CREDITED
