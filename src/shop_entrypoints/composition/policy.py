"""The operator's settings, as the domain's ShopPolicy."""

from __future__ import annotations

from shop_domain.model.plans import GIB, AccessLimits, TrialOffer
from shop_domain.model.referrals import ReferralPolicy
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.model.subscriptions import RenewalPolicy
from shop_entrypoints.settings import Settings


def shop_policy(settings: Settings) -> ShopPolicy:
    shop = settings.shop
    trial = TrialOffer(
        enabled=shop.trial_enabled,
        days=shop.trial_days,
        limits=AccessLimits(
            traffic_limit_bytes=shop.trial_traffic_limit_gb * GIB,
            device_limit=shop.trial_device_limit,
            internal_squads=tuple(shop.trial_internal_squads),
        ),
    )
    renewal = (
        RenewalPolicy.RESET_TRAFFIC if shop.renewal_resets_traffic else RenewalPolicy.KEEP_TRAFFIC
    )
    referral = ReferralPolicy(
        inviter_bonus_days=dict(settings.referral.inviter_bonus_days),
        invitee_bonus_days=dict(settings.referral.invitee_bonus_days),
        first_purchase_only=settings.referral.first_purchase_only,
    )
    return ShopPolicy(
        trial=trial,
        renewal=renewal,
        referral=referral,
        currencies=tuple(shop.currencies),
        checkout_ttl_minutes=shop.checkout_ttl_minutes,
        require_terms=shop.require_terms,
    )
