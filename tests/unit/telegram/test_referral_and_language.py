from aiogram.methods import AnswerInlineQuery
from aiogram.types import InlineQueryResultArticle, InputTextMessageContent

from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId
from shop_entrypoints.telegram.callbacks import LanguageCallback, MenuCallback, Screen
from tests.unit.telegram.bot_harness import BotHarness

USER = 100


async def test_referral_screen_shows_link_and_results(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    code = bot.shop.store.state.customers[CustomerId(USER)].referral_code
    await bot.send(201, f"/start ref_{code}")
    await bot.send(202, f"/start ref_{code}")

    await bot.tap(USER, MenuCallback(screen=Screen.REFERRAL), lang=lang)

    link = f"https://t.me/shop_test_bot?start=ref_{code}"
    assert bot.last_screen() == bot.text(lang, "referral-info", link=link, invited=2, days=0)
    assert bot.keyboard()[0].switch_inline_query == ""


async def test_inline_share_card(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    code = bot.shop.store.state.customers[CustomerId(USER)].referral_code
    await bot.inline(USER, lang=lang)

    (answer,) = bot.session.of_type(AnswerInlineQuery)
    (card,) = answer.results
    assert isinstance(card, InlineQueryResultArticle)
    assert isinstance(card.input_message_content, InputTextMessageContent)
    assert f"start=ref_{code}" in card.input_message_content.message_text
    assert answer.is_personal


async def test_language_switch_is_persisted(bot: BotHarness, lang: str) -> None:
    other = Language.EN if lang == "ru" else Language.RU
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.LANGUAGE), lang=lang)
    assert bot.last_screen() == bot.text(lang, "language-title")

    await bot.tap(USER, LanguageCallback(language=other), lang=lang)

    assert bot.shop.store.state.customers[CustomerId(USER)].language is other
    assert bot.last_screen() == bot.text(other, "menu-title")
    assert bot.notices()[-1] == bot.text(other, "language-changed")
    await bot.send(USER, "/start", lang=lang)  # Telegram's language no longer decides
    assert bot.last_screen() == bot.text(other, "welcome-back", name="User100")
