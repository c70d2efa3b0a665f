"""Promo codes (create, generate, list, disable, CSV export) and ad campaigns."""

import csv
import io

import pytest

from shop_domain.model.promo_codes import PromoKind
from shop_entrypoints.telegram.keyboards.admin.campaigns import NewCampaignCallback
from shop_entrypoints.telegram.keyboards.admin.menu import (
    CAMPAIGNS,
    PROMO_CODES,
    AdminSectionCallback,
)
from shop_entrypoints.telegram.keyboards.admin.promo_codes import AdminPromoCallback, PromoAction
from tests.unit.telegram.admin_harness import AdminHarness, admin_harness
from tests.unit.telegram.wiring import ADMIN_ID

DAYS = PromoKind.BONUS_DAYS
PERCENT = PromoKind.DISCOUNT_PERCENT


@pytest.fixture
def bot() -> AdminHarness:
    return admin_harness()


async def _ask(bot: AdminHarness, lang: str, action: PromoAction, kind: PromoKind | None) -> None:
    await bot.open_admin(lang)
    await bot.admin_tap(AdminSectionCallback(section=PROMO_CODES), lang)
    await bot.admin_tap(AdminPromoCallback(action=action), lang)
    if kind is not None:
        await bot.admin_tap(AdminPromoCallback(action=action, kind=kind), lang)


def _codes(bot: AdminHarness) -> dict[str, tuple[PromoKind, int, int | None, bool]]:
    return {
        p.code: (p.kind, p.value, p.max_activations, p.is_active)
        for p in bot.shop.store.state.promo_codes.values()
    }


async def test_create_one_code_after_bad_lines(bot: AdminHarness, lang: str) -> None:
    await _ask(bot, lang, PromoAction.CREATE, DAYS)
    assert bot.last_screen() == bot.text(lang, "adm-promo-ask-code", max=1000)
    for bad in ("SPRING", "SPRING seven", "S 7", "SPRING 7 -1", "SPR!NG 7"):
        await bot.admin_says(bad, lang)
        assert bot.last_screen() == bot.text(lang, "adm-promo-bad-format"), bad
    await bot.admin_says("spring 7 100", lang)

    assert _codes(bot) == {"SPRING": (DAYS, 7, 100, True)}
    assert bot.last_screen() == bot.text(lang, "adm-promo-created", code="SPRING")


async def test_a_duplicate_or_out_of_range_code_is_refused(bot: AdminHarness, lang: str) -> None:
    await _ask(bot, lang, PromoAction.CREATE, PERCENT)
    await bot.admin_says("SALE 150", lang)  # more than 99 %
    assert bot.last_screen() == bot.text(lang, "adm-error-invalid_promo_code")
    await bot.admin_says("SALE 20", lang)
    await _ask(bot, lang, PromoAction.CREATE, PERCENT)
    await bot.admin_says("sale 30", lang)
    assert bot.last_screen() == bot.text(lang, "adm-error-invalid_promo_code")
    assert _codes(bot) == {"SALE": (PERCENT, 20, None, True)}


async def test_generate_many_sends_the_codes_as_a_document(bot: AdminHarness, lang: str) -> None:
    await _ask(bot, lang, PromoAction.GENERATE, DAYS)
    await bot.admin_says("BLOG 1001 10", lang)
    assert bot.last_screen() == bot.text(lang, "adm-error-invalid_promo_code")
    await bot.admin_says("BLOG 0 10", lang)
    assert bot.last_screen() == bot.text(lang, "adm-error-invalid_promo_code")
    await bot.admin_says("blog 25 10", lang)

    codes = _codes(bot)
    assert len(codes) == 25
    assert all(code.startswith("BLOG-") for code in codes)
    assert set(codes.values()) == {(DAYS, 10, 1, True)}  # single-use unless told otherwise
    (document,) = bot.admin_session.documents()
    assert document.chat_id == ADMIN_ID
    assert set(document.content.decode().splitlines()) == set(codes)
    assert document.caption == bot.text(lang, "adm-promo-generated", count=25)


async def test_list_disable_and_export(bot: AdminHarness, lang: str) -> None:
    await _ask(bot, lang, PromoAction.CREATE, DAYS)
    await bot.admin_says("GIFT 7", lang)
    await bot.admin_tap(AdminPromoCallback(action=PromoAction.DISABLE), lang)
    await bot.admin_says("nosuch", lang)
    assert bot.last_screen() == bot.text(lang, "adm-error-promo_code_not_found")
    await bot.admin_says("gift", lang)
    assert bot.last_screen() == bot.text(lang, "adm-promo-disabled-done", code="GIFT")
    assert _codes(bot)["GIFT"][3] is False

    await bot.admin_tap(AdminPromoCallback(action=PromoAction.LIST), lang)
    assert bot.last_screen().splitlines()[1] == bot.text(
        lang,
        "adm-promo-line",
        code="GIFT",
        value=bot.text(lang, "adm-promo-value-bonus_days", value=7),
        used=0,
        limit="∞",
        state=bot.text(lang, "adm-promo-disabled"),
    )

    await bot.admin_tap(AdminPromoCallback(action=PromoAction.EXPORT), lang)
    (document,) = bot.admin_session.documents()
    assert document.filename == "promo_codes.csv"
    rows = list(csv.DictReader(io.StringIO(document.content.decode())))
    assert [(row["code"], row["value"], row["active"]) for row in rows] == [("GIFT", "7", "no")]


async def test_a_stranger_cannot_export(bot: AdminHarness, lang: str) -> None:
    await bot.tap(77, AdminPromoCallback(action=PromoAction.EXPORT), lang=lang)
    assert bot.admin_session.documents() == []
    assert bot.notices() == [bot.text(lang, "stale-button")]


async def test_create_a_campaign_and_read_its_link(bot: AdminHarness, lang: str) -> None:
    await bot.open_admin(lang)
    await bot.admin_tap(AdminSectionCallback(section=CAMPAIGNS), lang)
    assert bot.last_screen() == bot.text(lang, "adm-campaigns", count=0)
    await bot.admin_tap(NewCampaignCallback(), lang)
    await bot.admin_says("b@d Spring", lang)
    assert bot.last_screen() == bot.text(lang, "adm-campaign-bad-format")
    await bot.admin_says("vk_spring Spring on VK", lang)
    link = "https://t.me/shop_test_bot?start=c_vk_spring"
    assert bot.last_screen() == bot.text(
        lang, "adm-campaign-created", name="Spring on VK", link=link
    )

    await bot.send(800, "/start c_vk_spring", lang="en")
    await bot.admin_tap(AdminSectionCallback(section=CAMPAIGNS), lang)
    assert link in bot.last_screen()
    expected = bot.text(
        lang,
        "adm-campaign",
        name="Spring on VK",
        starts=1,
        trials=0,
        purchases=0,
        revenue="0",
        link=link,
    )
    assert expected in bot.last_screen()


async def test_a_taken_campaign_code_is_refused(bot: AdminHarness, lang: str) -> None:
    await bot.open_admin(lang)
    for _ in range(2):
        await bot.admin_tap(NewCampaignCallback(), lang)
        await bot.admin_says("promo1", lang)
    assert bot.last_screen() == bot.text(lang, "adm-error-invalid_campaign")
    assert len(bot.shop.store.state.campaigns) == 1
