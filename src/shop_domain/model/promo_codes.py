"""Promo codes: bonus days or a percent discount reserved for a limited time."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from shop_domain.errors import (
    InvalidPromoCodeError,
    PromoCodeExhaustedError,
    PromoCodeExpiredError,
    PromoCodeNotApplicableError,
)
from shop_domain.model.ids import CustomerId, PlanId, PromoCodeId

MAX_DISCOUNT_PERCENT = 99


class PromoKind(enum.StrEnum):
    BONUS_DAYS = "bonus_days"
    DISCOUNT_PERCENT = "discount_percent"


class ActivationStatus(enum.StrEnum):
    RESERVED = "reserved"  # a discount waiting for the customer's payment
    USED = "used"  # bonus days granted, or the discounted order was paid
    RELEASED = "released"  # the reservation ran out unused


def normalise_code(code: str) -> str:
    return code.strip().upper()


@dataclass(frozen=True, slots=True)
class PromoCode:
    id: PromoCodeId
    code: str
    kind: PromoKind
    value: int  # days, or percent
    created_at: datetime
    max_activations: int | None = None  # None = unlimited
    activations: int = 0
    valid_until: datetime | None = None
    plan_ids: frozenset[PlanId] = frozenset()  # empty = every plan
    new_customers_only: bool = False
    reservation_minutes: int = 30
    is_active: bool = True

    def __post_init__(self) -> None:
        if normalise_code(self.code) != self.code or not self.code:
            raise InvalidPromoCodeError("codes are stored trimmed and upper-case")
        if self.value <= 0:
            raise InvalidPromoCodeError("a promo code grants a positive value")
        if self.kind is PromoKind.DISCOUNT_PERCENT and self.value > MAX_DISCOUNT_PERCENT:
            raise InvalidPromoCodeError(f"a discount is at most {MAX_DISCOUNT_PERCENT}%")
        if self.max_activations is not None and self.max_activations <= 0:
            raise InvalidPromoCodeError("max activations must be positive")

    def check_redeemable(self, *, now: datetime, customer_has_paid: bool) -> None:
        """Raise the reason this code cannot be activated by this customer now."""
        if not self.is_active or (self.valid_until is not None and now >= self.valid_until):
            raise PromoCodeExpiredError(self.code)
        if self.max_activations is not None and self.activations >= self.max_activations:
            raise PromoCodeExhaustedError(self.code)
        if self.new_customers_only and customer_has_paid:
            raise PromoCodeNotApplicableError(f"{self.code} is for new customers")

    def applies_to_plan(self, plan_id: PlanId) -> bool:
        return not self.plan_ids or plan_id in self.plan_ids

    def disable(self) -> PromoCode:
        return replace(self, is_active=False)


@dataclass(frozen=True, slots=True)
class PromoActivation:
    """One customer's use of one code; at most one per (code, customer)."""

    promo_code_id: PromoCodeId
    customer_id: CustomerId
    kind: PromoKind
    value: int
    status: ActivationStatus
    activated_at: datetime
    reserved_until: datetime | None = None
    plan_ids: frozenset[PlanId] = frozenset()

    @classmethod
    def for_code(cls, code: PromoCode, customer_id: CustomerId, now: datetime) -> PromoActivation:
        if code.kind is PromoKind.BONUS_DAYS:
            return cls(code.id, customer_id, code.kind, code.value, ActivationStatus.USED, now)
        return cls(
            code.id,
            customer_id,
            code.kind,
            code.value,
            ActivationStatus.RESERVED,
            now,
            reserved_until=now + timedelta(minutes=code.reservation_minutes),
            plan_ids=code.plan_ids,
        )

    def discount_for(self, plan_id: PlanId, now: datetime) -> int:
        """The percent this reservation takes off `plan_id` now, or 0."""
        if self.status is not ActivationStatus.RESERVED or self.kind is PromoKind.BONUS_DAYS:
            return 0
        if self.reserved_until is not None and now >= self.reserved_until:
            return 0
        if self.plan_ids and plan_id not in self.plan_ids:
            return 0
        return self.value
