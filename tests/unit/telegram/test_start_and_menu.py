from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen, TermsCallback
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.wiring import default_config

USER = 100


async def test_start_registers_and_greets_in_the_users_language(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)

    customer = bot.shop.store.state.customers[CustomerId(USER)]
    assert customer.language is Language(lang)
    assert bot.last_screen() == bot.text(lang, "welcome-new", name="User100")
    assert bot.shop.panel.calls == []


async def test_returning_user_start_and_menu_cost_one_query_and_no_panel_call(
    bot: BotHarness, lang: str
) -> None:
    await bot.send(USER, "/start", lang=lang)
    bot.shop.queries.clear()

    await bot.send(USER, "/start", lang=lang)
    assert bot.last_screen() == bot.text(lang, "welcome-back", name="User100")
    assert bot.shop.queries == ["customers.get"]
    bot.shop.queries.clear()

    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), lang=lang)
    assert bot.last_screen() == bot.text(lang, "menu-title")
    assert bot.shop.queries == ["customers.get"]
    assert bot.shop.panel.calls == []


async def test_menu_edits_the_screen_in_place(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), lang=lang)  # "not modified"

    kinds = [type(r).__name__ for r in bot.session.requests]
    assert kinds.count("SendMessage") == 1
    assert kinds.count("EditMessageText") == 2
    assert kinds.count("AnswerCallbackQuery") == 2


async def test_a_screen_that_cannot_be_edited_is_sent_anew(bot: BotHarness) -> None:
    await bot.send(USER, "/start")
    old = bot.session.remember(USER, None, photo=False)  # e.g. a sticker: nothing to edit
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), message_id=old)
    assert [type(r).__name__ for r in bot.session.requests][-2:] == [
        "SendMessage",
        "AnswerCallbackQuery",
    ]


async def test_referral_deep_link_attributes_the_inviter(bot: BotHarness) -> None:
    inviter = await bot.shop.add_customer(7)
    await bot.send(USER, f"/start ref_{inviter.referral_code}", lang="ru")
    assert bot.shop.store.state.customers[CustomerId(USER)].referred_by == inviter.id


async def test_a_broken_promo_link_is_explained(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start promo_NOPE", lang=lang)
    reason = bot.text(lang, "error-promo_code_not_found")
    assert bot.text(lang, "start-promo-failed", reason=reason) in bot.last_screen()


async def test_menu_offers_the_trial_only_while_eligible(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    trial_button = bot.text(lang, "btn-trial", days=3)
    assert trial_button in bot.buttons()

    await bot.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    await bot.send(USER, "/menu", lang=lang)
    assert trial_button not in bot.buttons()
    assert bot.text(lang, "btn-support") in bot.buttons()


async def test_terms_must_be_accepted_first(lang: str) -> None:
    bot = BotHarness(config=default_config(require_terms=True, terms_url="https://terms.test"))
    await bot.send(USER, "/start", lang=lang)
    assert bot.text(lang, "terms-required") in bot.last_screen()
    assert bot.text(lang, "btn-terms-accept") in bot.buttons()

    await bot.tap(USER, TermsCallback(), lang=lang)
    assert bot.shop.store.state.customers[CustomerId(USER)].accepted_terms
    assert bot.last_screen() == bot.text(lang, "menu-title")
    assert bot.notices()[-1] == bot.text(lang, "terms-accepted")
