from datetime import UTC, datetime, timedelta

import pytest

from shop_domain.errors import InvalidCampaignError
from shop_domain.model.campaigns import AdCampaign
from shop_domain.model.deep_links import DeepLink, DeepLinkKind
from shop_domain.model.ids import CampaignId, CustomerId, SubscriptionId
from shop_domain.model.provisioning import (
    MAX_RETRY_SECONDS,
    ProvisioningReason,
    provisioning_job,
)
from shop_domain.model.referrals import ReferralPolicy

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_referral_bonus_per_purchased_duration() -> None:
    policy = ReferralPolicy(inviter_bonus_days={30: 7, 90: 20}, invitee_bonus_days={30: 3})
    assert policy.bonuses_for(purchased_days=30, is_first_purchase=False) == (7, 3)
    assert policy.bonuses_for(purchased_days=90, is_first_purchase=True) == (20, 0)
    assert policy.bonuses_for(purchased_days=7, is_first_purchase=True) == (0, 0)


def test_referral_bonus_first_purchase_only() -> None:
    policy = ReferralPolicy({30: 7}, {30: 3}, first_purchase_only=True)
    assert policy.bonuses_for(purchased_days=30, is_first_purchase=True) == (7, 3)
    assert policy.bonuses_for(purchased_days=30, is_first_purchase=False) == (0, 0)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("ref_ABCD1234", DeepLink(DeepLinkKind.REFERRAL, "ABCD1234")),
        ("promo_SPRING", DeepLink(DeepLinkKind.PROMO, "SPRING")),
        ("c_autumn-tg", DeepLink(DeepLinkKind.CAMPAIGN, "autumn-tg")),
        ("", None),
        (None, None),
        ("ref_", None),
        ("hello", None),
        ("ref_a b", None),
    ],
)
def test_deep_link_parsing(payload: str | None, expected: DeepLink | None) -> None:
    assert DeepLink.parse(payload) == expected


def test_deep_link_round_trip() -> None:
    link = DeepLink(DeepLinkKind.CAMPAIGN, "x1")
    assert DeepLink.parse(link.render()) == link


def test_ad_campaign_attribution_code_is_validated() -> None:
    assert AdCampaign(CampaignId("1"), "vk_ads", "VK", NOW).code == "vk_ads"
    with pytest.raises(InvalidCampaignError):
        AdCampaign(CampaignId("1"), "bad code", "VK", NOW)


def test_provisioning_retries_back_off_exponentially_with_a_cap() -> None:
    job = provisioning_job(
        job_id="j",
        subscription_id=SubscriptionId("s"),
        customer_id=CustomerId(1),
        reason=ProvisioningReason.PAYMENT,
        now=NOW,
    )
    delays = []
    for _ in range(12):
        job = job.failed("vpn_panel_unavailable", NOW)
        delays.append((job.next_attempt_at - NOW).total_seconds())
    assert delays[:4] == [5, 10, 20, 40]
    assert max(delays) == MAX_RETRY_SECONDS
    done = job.succeeded(NOW + timedelta(seconds=1))
    assert done.is_done
    assert done.last_error is None
