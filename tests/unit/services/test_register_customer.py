from shop_domain.events import CustomerRegistered
from shop_domain.model.campaigns import AdCampaign
from shop_domain.model.customers import Language
from shop_domain.model.ids import CampaignId, CustomerId, PromoCodeId
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_domain.services.core.register_customer import RegisterCustomerRequest
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import Shop


async def test_new_customer_is_registered_with_telegram_language(shop: Shop) -> None:
    result = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=7, username="alice", language_code="en-US")
    )
    assert result.is_new
    assert result.customer.language is Language.EN
    assert len(result.customer.referral_code) == 8
    assert shop.notifier.of_type(CustomerRegistered)


async def test_returning_customer_costs_one_read_and_no_write(shop: Shop) -> None:
    await shop.register.execute(RegisterCustomerRequest(telegram_id=7, username="alice"))
    commits = shop.store.commits
    result = await shop.register.execute(RegisterCustomerRequest(telegram_id=7, username="alice"))
    assert not result.is_new
    assert shop.store.commits == commits


async def test_returning_customer_profile_change_is_saved(shop: Shop) -> None:
    await shop.register.execute(RegisterCustomerRequest(telegram_id=7, username="alice"))
    result = await shop.register.execute(RegisterCustomerRequest(telegram_id=7, username="bob"))
    assert result.customer.username == "bob"


async def test_referral_deep_link_records_the_inviter(shop: Shop) -> None:
    await shop.add_customer(1, referral_code="INVITE01")
    result = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=2, start_payload="ref_invite01")
    )
    assert result.customer.referred_by == CustomerId(1)


async def test_self_referral_is_ignored(shop: Shop) -> None:
    await shop.add_customer(1, referral_code="INVITE01")
    # customer 1 already exists, so a referral link cannot re-attribute them
    result = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=1, start_payload="ref_INVITE01")
    )
    assert result.customer.referred_by is None


async def test_referral_is_only_recorded_for_new_customers(shop: Shop) -> None:
    await shop.add_customer(1, referral_code="INVITE01")
    await shop.register.execute(RegisterCustomerRequest(telegram_id=2))
    result = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=2, start_payload="ref_INVITE01")
    )
    assert result.customer.referred_by is None


async def test_campaign_deep_link_attributes_the_customer(shop: Shop) -> None:
    async with shop.uow() as uow:
        await uow.campaigns.add(AdCampaign(CampaignId("c1"), "autumn", "Autumn ads", T0))
        await uow.campaigns.add(AdCampaign(CampaignId("c2"), "old", "Old ads", T0, is_active=False))
        await uow.commit()
    result = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=3, start_payload="c_autumn")
    )
    assert result.customer.campaign_id == CampaignId("c1")
    inactive = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=4, start_payload="c_old")
    )
    assert inactive.customer.campaign_id is None


async def test_promo_deep_link_is_applied_on_start(shop: Shop) -> None:
    async with shop.uow() as uow:
        await uow.promo_codes.add(
            PromoCode(PromoCodeId("p1"), "WELCOME", PromoKind.BONUS_DAYS, 5, T0)
        )
        await uow.commit()
    result = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=5, start_payload="promo_welcome")
    )
    assert result.promo is not None
    assert result.promo.value == 5


async def test_failed_promo_deep_link_does_not_fail_registration(shop: Shop) -> None:
    result = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=5, start_payload="promo_NOPE")
    )
    assert result.is_new
    assert result.promo_error == "promo_code_not_found"


async def test_unknown_start_payload_is_ignored(shop: Shop) -> None:
    result = await shop.register.execute(
        RegisterCustomerRequest(telegram_id=6, start_payload="<script>")
    )
    assert result.is_new
    assert result.customer.referred_by is None
