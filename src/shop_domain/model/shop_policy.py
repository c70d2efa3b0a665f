"""The operator's business settings the use cases follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from shop_domain.model.plans import AccessLimits, TrialOffer
from shop_domain.model.referrals import ReferralPolicy
from shop_domain.model.subscriptions import RenewalPolicy


@dataclass(frozen=True, slots=True)
class ShopPolicy:
    trial: TrialOffer = field(default_factory=lambda: TrialOffer(enabled=True, days=3))
    renewal: RenewalPolicy = RenewalPolicy.RESET_TRAFFIC
    referral: ReferralPolicy = field(default_factory=ReferralPolicy)
    currencies: tuple[str, ...] = ("RUB",)  # preference order when a provider takes several
    checkout_ttl_minutes: int = 60
    require_terms: bool = False

    @property
    def bonus_limits(self) -> AccessLimits:
        """Limits of a subscription created only by bonus days (no plan bought yet)."""
        return self.trial.limits
