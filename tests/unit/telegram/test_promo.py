from aiogram.types import Sticker

from shop_domain.model.customers import Language
from shop_domain.model.ids import PromoCodeId
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_entrypoints.telegram.callbacks import MenuCallback, PromoCancelCallback, Screen
from shop_entrypoints.telegram.formatting import format_date
from tests.unit.fakes import T0
from tests.unit.telegram.bot_harness import BotHarness

USER = 100


async def _codes(bot: BotHarness) -> None:
    async with bot.shop.uow() as uow:
        await uow.promo_codes.add(PromoCode(PromoCodeId("b"), "DAYS7", PromoKind.BONUS_DAYS, 7, T0))
        await uow.promo_codes.add(
            PromoCode(PromoCodeId("d"), "SALE20", PromoKind.DISCOUNT_PERCENT, 20, T0)
        )
        await uow.commit()


async def _ask(bot: BotHarness, lang: str) -> None:
    await _codes(bot)
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.PROMO), lang=lang)
    assert bot.last_screen() == bot.text(lang, "promo-ask")


async def test_bonus_days_code(bot: BotHarness, lang: str) -> None:
    await _ask(bot, lang)
    await bot.send(USER, "  days7 ", lang=lang)

    (subscription,) = bot.shop.store.state.subscriptions.values()
    date = format_date(subscription.expires_at, Language(lang))
    assert bot.last_screen() == bot.text(lang, "promo-bonus-applied", days=7, date=date)
    await bot.send(USER, "DAYS7", lang=lang)  # the state is cleared: no second redemption
    assert bot.last_screen() == bot.text(lang, "unknown-message")


async def test_discount_code_is_reserved(bot: BotHarness, lang: str) -> None:
    await _ask(bot, lang)
    await bot.send(USER, "SALE20", lang=lang)
    (activation,) = bot.shop.store.state.activations.values()
    assert activation.reserved_until is not None
    until = format_date(activation.reserved_until, Language(lang))
    assert bot.last_screen() == bot.text(lang, "promo-discount-applied", percent=20, until=until)
    assert bot.text(lang, "btn-buy") in bot.buttons()


async def test_text_that_is_not_a_code_keeps_asking(bot: BotHarness, lang: str) -> None:
    await _ask(bot, lang)
    for bad in ("two words", "DROP TABLE;", "x" * 200):
        await bot.send(USER, bad, lang=lang)
        assert bot.last_screen() == bot.text(lang, "promo-bad-format")
    sticker = Sticker(
        file_id="s",
        file_unique_id="s",
        type="regular",
        width=1,
        height=1,
        is_animated=False,
        is_video=False,
    )
    await bot.send_sticker(USER, sticker, lang=lang)
    assert bot.last_screen() == bot.text(lang, "promo-bad-format")
    assert bot.shop.store.state.activations == {}


async def test_a_wrong_code_can_be_retried(bot: BotHarness, lang: str) -> None:
    await _ask(bot, lang)
    await bot.send(USER, "NOPE", lang=lang)
    assert bot.last_screen() == bot.text(lang, "error-promo_code_not_found")
    await bot.send(USER, "DAYS7", lang=lang)
    assert len(bot.shop.store.state.activations) == 1


async def test_cancel_leaves_the_state(bot: BotHarness, lang: str) -> None:
    await _ask(bot, lang)
    await bot.tap(USER, PromoCancelCallback(), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "promo-cancelled")
    assert bot.last_screen() == bot.text(lang, "menu-title")
    await bot.send(USER, "DAYS7", lang=lang)
    assert bot.shop.store.state.activations == {}
