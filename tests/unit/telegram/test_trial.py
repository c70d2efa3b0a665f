import asyncio

from shop_domain.model.customers import Language
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from shop_entrypoints.telegram.formatting import format_date
from tests.unit.telegram.bot_harness import BotHarness

USER = 100
TRIAL = MenuCallback(screen=Screen.TRIAL)


def _trials(bot: BotHarness) -> int:
    return sum(1 for s in bot.shop.store.state.subscriptions.values() if s.is_trial)


async def test_trial_shows_the_link_and_expiry(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, TRIAL, lang=lang)

    subscription = next(iter(bot.shop.store.state.subscriptions.values()))
    assert subscription.subscription_url is not None
    date = format_date(subscription.expires_at, Language(lang))
    assert bot.last_screen() == bot.text(
        lang, "trial-started", date=date, url=subscription.subscription_url
    )


async def test_trial_while_the_panel_is_down_says_the_link_follows(
    bot: BotHarness, lang: str
) -> None:
    await bot.send(USER, "/start", lang=lang)
    bot.shop.panel.down = True
    await bot.tap(USER, TRIAL, lang=lang)
    subscription = next(iter(bot.shop.store.state.subscriptions.values()))
    date = format_date(subscription.expires_at, Language(lang))
    assert bot.last_screen() == bot.text(lang, "trial-pending", date=date)
    assert _trials(bot) == 1


async def test_a_second_tap_is_answered_and_creates_nothing(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, TRIAL, lang=lang)
    await bot.tap(USER, TRIAL, lang=lang)

    assert _trials(bot) == 1
    assert bot.notices()[-1] == bot.text(lang, "error-trial_already_used")


async def test_a_concurrent_double_tap_creates_one_trial(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    # Both taps pass the customer middleware before either trial is stored.
    await asyncio.gather(bot.tap(USER, TRIAL, lang=lang), bot.tap(USER, TRIAL, lang=lang))

    assert _trials(bot) == 1
    assert bot.text(lang, "error-trial_already_used") in bot.notices()
