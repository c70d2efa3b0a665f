from dataclasses import replace
from datetime import timedelta

import pytest

from shop_domain.errors import (
    InvalidCampaignError,
    InvalidPromoCodeError,
    PlanNotAvailableError,
    PromoCodeExpiredError,
    PromoCodeNotFoundError,
)
from shop_domain.model.ids import CustomerId, PlanId
from shop_domain.model.plans import PlanVisibility
from shop_domain.model.promo_codes import PromoKind
from shop_domain.services.admin.manage_campaigns import ManageCampaigns
from shop_domain.services.admin.manage_plans import ManagePlans
from shop_domain.services.admin.manage_promo_codes import ManagePromoCodes, PromoTerms
from shop_domain.services.billing.apply_promo_code import ApplyPromoCodeRequest
from shop_domain.services.core.register_customer import RegisterCustomerRequest
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import BASIC, Shop, basic_plan

DAYS = PromoTerms(kind=PromoKind.BONUS_DAYS, value=7)


async def test_admin_plan_editor_saves_and_hides(shop: Shop) -> None:
    plans = ManagePlans(shop.uow)
    await plans.save(basic_plan())
    await plans.save(replace(basic_plan(), name="Basic v2"))
    hidden = await plans.set_visibility(BASIC, PlanVisibility.HIDDEN)
    assert hidden.name == "Basic v2"
    assert [p.visibility for p in await plans.list_plans()] == [PlanVisibility.HIDDEN]
    with pytest.raises(PlanNotAvailableError):
        await plans.set_visibility(PlanId("nope"), PlanVisibility.EVERYONE)


async def test_admin_creates_lists_disables_and_exports_promo_codes(shop: Shop) -> None:
    promos = ManagePromoCodes(shop.uow, shop.clock)
    created = await promos.create(" spring ", replace(DAYS, valid_until=T0 + timedelta(days=1)))
    assert created.code == "SPRING"
    with pytest.raises(InvalidPromoCodeError):
        await promos.create("SPRING", DAYS)
    batch = await promos.generate("vk", 25, DAYS)
    assert len({p.code for p in batch}) == 25
    assert all(p.code.startswith("VK-") for p in batch)
    assert len(await promos.list_codes()) == 26
    await promos.disable("spring")
    await shop.add_customer(1)
    with pytest.raises(PromoCodeExpiredError):
        await shop.apply_promo_code.execute(ApplyPromoCodeRequest(CustomerId(1), "SPRING"))
    csv_text = await promos.export_csv()
    assert csv_text.splitlines()[0].startswith("code,kind,value")
    assert "SPRING,bonus_days,7,0,," in csv_text
    with pytest.raises(PromoCodeNotFoundError):
        await promos.disable("NOPE")
    with pytest.raises(InvalidPromoCodeError):
        await promos.generate("X", 0, DAYS)


async def test_admin_campaign_link_attributes_starts(shop: Shop) -> None:
    campaigns = ManageCampaigns(shop.uow, shop.clock)
    campaign, payload = await campaigns.create("tg_ads", "Telegram Ads")
    assert payload == "c_tg_ads"
    with pytest.raises(InvalidCampaignError):
        await campaigns.create("tg_ads", "again")
    await shop.register.execute(RegisterCustomerRequest(telegram_id=5, start_payload=payload))
    [report] = await campaigns.report()
    assert report.campaign == campaign
    assert report.starts == 1
