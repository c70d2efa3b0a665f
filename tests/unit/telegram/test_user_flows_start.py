"""/start in both languages: every deep link kind, payloads that are not links, the language
picked from Telegram, and the terms gate."""

import pytest

from shop_domain.model.campaigns import AdCampaign
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CampaignId, CustomerId, PromoCodeId
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_domain.services.core.register_customer import RegisterCustomer
from shop_entrypoints.telegram.callbacks import (
    LanguageCallback,
    MenuCallback,
    Screen,
    TermsCallback,
)
from shop_entrypoints.telegram.formatting import format_date
from tests.unit.fakes import T0
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.counting_shop import CountingShop
from tests.unit.telegram.wiring import ADMIN_ID, default_config

USER = 100


def _customer(bot: BotHarness, user: int = USER) -> Customer:
    return bot.shop.store.state.customers[CustomerId(user)]


async def _campaign(bot: BotHarness, code: str, *, active: bool = True) -> AdCampaign:
    campaign = AdCampaign(CampaignId(f"id-{code}"), code, f"Campaign {code}", T0, active)
    async with bot.shop.uow() as uow:
        await uow.campaigns.add(campaign)
        await uow.commit()
    return campaign


async def _promo(bot: BotHarness, code: str, kind: PromoKind, value: int) -> None:
    async with bot.shop.uow() as uow:
        await uow.promo_codes.add(PromoCode(PromoCodeId(code), code, kind, value, T0))
        await uow.commit()


async def test_a_campaign_link_attributes_the_new_customer(bot: BotHarness, lang: str) -> None:
    campaign = await _campaign(bot, "vk_spring")
    await bot.send(USER, "/start c_vk_spring", lang=lang)

    assert _customer(bot).campaign_id == campaign.id
    assert bot.last_screen() == bot.text(lang, "welcome-new", name="User100")


async def test_unknown_or_stopped_campaigns_attribute_nothing(bot: BotHarness, lang: str) -> None:
    await _campaign(bot, "old", active=False)
    await bot.send(USER, "/start c_old", lang=lang)
    await bot.send(USER + 1, "/start c_never_existed", lang=lang)

    assert _customer(bot).campaign_id is None
    assert _customer(bot, USER + 1).campaign_id is None
    assert bot.last_screen() == bot.text(lang, "welcome-new", name="User101")


async def test_a_referral_link_in_both_languages(bot: BotHarness, lang: str) -> None:
    inviter = await bot.shop.add_customer(7)
    await bot.send(USER, f"/start ref_{inviter.referral_code.lower()}", lang=lang)

    assert _customer(bot).referred_by == inviter.id
    assert bot.last_screen() == bot.text(lang, "welcome-new", name="User100")


async def test_own_unknown_and_late_referral_links_change_nothing(bot: BotHarness) -> None:
    inviter = await bot.shop.add_customer(7)
    await bot.send(USER, "/start ref_NOSUCHCODE")
    await bot.send(USER, f"/start ref_{inviter.referral_code}")  # already a customer
    own = _customer(bot).referral_code
    await bot.send(USER + 1, f"/start ref_{own}")
    await bot.send(USER, f"/start ref_{own}")  # their own link

    assert _customer(bot).referred_by is None
    assert _customer(bot, USER + 1).referred_by == CustomerId(USER)


async def test_a_bonus_days_promo_link_is_applied_on_first_contact(
    bot: BotHarness, lang: str
) -> None:
    await _promo(bot, "GIFT7", PromoKind.BONUS_DAYS, 7)
    await bot.send(USER, "/start promo_gift7", lang=lang)

    (subscription,) = bot.shop.store.state.subscriptions.values()
    assert subscription.customer_id == CustomerId(USER)
    screen = bot.last_screen()
    assert screen.startswith(bot.text(lang, "welcome-new", name="User100"))
    assert screen.endswith(bot.text(lang, "start-promo-bonus", days=7))


async def test_a_discount_promo_link_is_reserved(bot: BotHarness, lang: str) -> None:
    await _promo(bot, "SALE15", PromoKind.DISCOUNT_PERCENT, 15)
    await bot.send(USER, "/start promo_SALE15", lang=lang)

    (activation,) = bot.shop.store.state.activations.values()
    assert activation.reserved_until is not None
    until = format_date(activation.reserved_until, Language(lang))
    assert bot.text(lang, "start-promo-discount", percent=15, until=until) in bot.last_screen()
    await bot.send(USER, "/start promo_SALE15", lang=lang)  # the same link again
    assert len(bot.shop.store.state.activations) == 1


@pytest.mark.parametrize(
    "payload",
    ["ref_", "promo_", "c_", "x" * 300, "ref_ABC extra words", "<b>hi</b>", "ref_💥", "c_a/b"],
)
async def test_payloads_that_are_no_link_are_ignored(bot: BotHarness, payload: str) -> None:
    await bot.send(USER, f"/start {payload}", lang="ru")

    customer = _customer(bot)
    assert (customer.referred_by, customer.campaign_id) == (None, None)
    assert bot.screens() == [bot.text("ru", "welcome-new", name="User100")]
    assert bot.shop.store.state.activations == {}


@pytest.mark.parametrize(
    ("telegram_code", "expected"),
    [("ru", "ru"), ("uk", "ru"), ("be", "ru"), ("en", "en"), ("en-GB", "en"), ("de", "ru")],
)
async def test_the_language_comes_from_telegram(
    bot: BotHarness, telegram_code: str, expected: str
) -> None:
    await bot.send(USER, "/start", lang=telegram_code)

    assert _customer(bot).language is Language(expected)
    assert bot.last_screen() == bot.text(expected, "welcome-new", name="User100")


async def test_an_unknown_language_gets_the_operators_default() -> None:
    shop = CountingShop()
    shop.register = RegisterCustomer(  # as the container wires it, from the same setting
        shop.uow, shop.clock, shop.notifier, shop.apply_promo_code, Language.EN
    )
    bot = BotHarness(config=default_config(default_language=Language.EN), shop=shop)
    await bot.send(USER, "/start", lang="fr")
    await bot.send(USER + 1, "/start", lang=None)

    assert _customer(bot).language is Language.EN
    assert _customer(bot, USER + 1).language is Language.EN
    assert bot.last_screen() == bot.text("en", "welcome-new", name="User101")


def _terms_bot() -> BotHarness:
    return BotHarness(config=default_config(require_terms=True, terms_url="https://terms.test"))


async def test_nothing_but_the_terms_until_they_are_accepted(lang: str) -> None:
    bot = _terms_bot()
    await bot.send(USER, "/start", lang=lang)
    await bot.shop.add_plan()

    await bot.send(USER, "/menu", lang=lang)
    assert bot.last_screen() == bot.text(lang, "terms-required")
    await bot.tap(USER, MenuCallback(screen=Screen.CATALOG), lang=lang)  # an old menu
    assert bot.last_screen() == bot.text(lang, "terms-required")
    await bot.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    assert bot.shop.store.state.subscriptions == {}
    assert bot.keyboard()[0].url == "https://terms.test"

    await bot.tap(USER, TermsCallback(), lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.CATALOG), lang=lang)
    assert bot.last_screen() == bot.text(lang, "catalog-title")


async def test_the_language_can_be_switched_before_accepting(lang: str) -> None:
    other = Language.EN if lang == "ru" else Language.RU
    bot = _terms_bot()
    await bot.send(USER, "/start", lang=lang)

    await bot.tap(USER, MenuCallback(screen=Screen.LANGUAGE), lang=lang)
    assert bot.last_screen() == bot.text(lang, "language-title")
    await bot.tap(USER, LanguageCallback(language=other), lang=lang)
    assert _customer(bot).language is other
    await bot.send(USER, "/start", lang=lang)
    assert bot.text(other, "terms-required") in bot.last_screen()


async def test_admins_and_the_accepted_are_not_stopped() -> None:
    bot = _terms_bot()
    await bot.send(ADMIN_ID, "/menu")
    assert bot.last_screen() == bot.text("en", "menu-title")

    await bot.shop.add_customer(USER, terms_accepted_at=T0)
    await bot.send(USER, "/menu")
    assert bot.last_screen() == bot.text("en", "menu-title")
