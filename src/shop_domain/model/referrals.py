"""Referral rewards: bonus days for the inviter and the invitee of a purchase."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from shop_domain.model.ids import CustomerId, PaymentId


@dataclass(frozen=True, slots=True)
class ReferralPolicy:
    """Bonus days keyed by the purchased duration in days (a missing key grants nothing)."""

    inviter_bonus_days: Mapping[int, int] = field(default_factory=dict)
    invitee_bonus_days: Mapping[int, int] = field(default_factory=dict)
    first_purchase_only: bool = False

    def bonuses_for(self, *, purchased_days: int, is_first_purchase: bool) -> tuple[int, int]:
        """(inviter days, invitee days) earned by one purchase."""
        if self.first_purchase_only and not is_first_purchase:
            return (0, 0)
        return (
            self.inviter_bonus_days.get(purchased_days, 0),
            self.invitee_bonus_days.get(purchased_days, 0),
        )


@dataclass(frozen=True, slots=True)
class ReferralReward:
    """Bonus days granted for one payment, kept so a refund can take them back."""

    payment_id: PaymentId
    inviter_id: CustomerId
    invitee_id: CustomerId
    inviter_days: int
    invitee_days: int
    reversed: bool = False
