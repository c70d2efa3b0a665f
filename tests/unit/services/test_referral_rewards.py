from datetime import datetime, timedelta

from shop_domain.events import ReferralBonusGranted
from shop_domain.model.ids import CustomerId
from shop_domain.model.referrals import ReferralPolicy
from shop_domain.model.shop_policy import ShopPolicy
from tests.unit.fakes import T0
from tests.unit.services.payment_steps import checkout, notification
from tests.unit.services.shop_harness import Shop


async def expiry(shop: Shop, customer: int) -> datetime | None:
    async with shop.uow() as uow:
        subscription = await uow.subscriptions.get_by_customer(CustomerId(customer))
    return None if subscription is None else subscription.expires_at


async def test_referral_bonus_days_for_inviter_and_invitee(shop: Shop) -> None:
    await shop.add_plan()
    await shop.add_customer(1)
    await shop.add_customer(2, referred_by=CustomerId(1))
    result = await checkout(shop, customer=2)
    confirmed = await shop.confirm.execute(notification(result), b"{}")
    assert await expiry(shop, 1) == T0 + timedelta(days=7)
    assert await expiry(shop, 2) == T0 + timedelta(days=33)
    assert shop.notifier.of_type(ReferralBonusGranted)
    assert len(confirmed.job_ids) == 3


async def test_referral_bonus_only_for_first_purchase_when_configured() -> None:
    shop = Shop(
        policy=ShopPolicy(referral=ReferralPolicy({30: 7}, {30: 3}, first_purchase_only=True))
    )
    await shop.add_plan()
    await shop.add_customer(1)
    await shop.add_customer(2, referred_by=CustomerId(1))
    for _ in range(2):
        result = await checkout(shop, customer=2)
        await shop.confirm.execute(notification(result), b"{}")
    assert await expiry(shop, 1) == T0 + timedelta(days=7)


async def test_no_referral_bonus_for_durations_without_one(shop: Shop) -> None:
    await shop.add_plan()
    await shop.add_customer(1)
    await shop.add_customer(2, referred_by=CustomerId(1))
    result = await checkout(shop, customer=2, days=90)
    await shop.confirm.execute(notification(result), b"{}")
    assert await expiry(shop, 1) is None
