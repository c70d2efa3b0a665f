import pytest

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.referrals import ReferralReward
from shop_domain.services.core.get_referral_summary import GetReferralSummary
from tests.unit.services.shop_harness import Shop


async def test_counts_invitees_and_unreversed_bonus_days(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.add_customer(2, referred_by=CustomerId(1))
    await shop.add_customer(3, referred_by=CustomerId(1))
    async with shop.uow() as uow:
        await uow.referral_rewards.add(
            ReferralReward(PaymentId("p1"), CustomerId(1), CustomerId(2), 7, 3)
        )
        await uow.referral_rewards.add(
            ReferralReward(PaymentId("p2"), CustomerId(1), CustomerId(3), 7, 3, reversed=True)
        )
        await uow.commit()

    summary = await GetReferralSummary(shop.uow).execute(CustomerId(1))

    assert (summary.referral_code, summary.invited, summary.bonus_days) == ("CODE1", 2, 7)


async def test_unknown_customer(shop: Shop) -> None:
    with pytest.raises(CustomerNotFoundError):
        await GetReferralSummary(shop.uow).execute(CustomerId(9))
