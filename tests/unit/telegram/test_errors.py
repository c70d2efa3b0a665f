import pytest
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import EditMessageText, SendMessage
from structlog.testing import capture_logs

from shop_domain.model.ids import CustomerId
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from tests.unit.telegram.bot_harness import BotHarness

USER = 100


async def test_unknown_callback_data_gets_a_short_notice(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    for data in ("", "garbage", "old_menu:buy", "sub:teleport"):
        await bot.tap(USER, data, lang=lang)
        assert bot.notices()[-1] == bot.text(lang, "stale-button")


async def test_a_button_on_a_message_older_than_the_bot_still_works(bot: BotHarness) -> None:
    old = bot.session.remember(USER, "A screen from last year")
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), message_id=old)
    assert bot.last_screen() == bot.text("en", "menu-title")
    assert CustomerId(USER) in bot.shop.store.state.customers


async def test_stray_text_points_to_the_menu(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    await bot.send(USER, "hello?", lang=lang)
    assert bot.last_screen() == bot.text(lang, "unknown-message")


async def test_an_unexpected_error_is_logged_and_apologised_for(
    bot: BotHarness, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug")

    await bot.send(USER, "/start", lang=lang)
    monkeypatch.setattr(bot.shop.start_trial, "execute", broken)
    with capture_logs() as logs:
        await bot.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)

    assert bot.notices()[-1] == bot.text(lang, "error-generic")
    (failure,) = [log for log in logs if log["event"] == "update_failed"]
    assert failure["log_level"] == "error"
    assert isinstance(failure["exc_info"], RuntimeError)


async def test_shop_errors_are_logged_by_code(bot: BotHarness) -> None:
    await bot.send(USER, "/start")
    bot.shop.panel.down = True
    with capture_logs() as logs:
        await bot.tap(USER, MenuCallback(screen=Screen.TRIAL))
        await bot.tap(USER, MenuCallback(screen=Screen.TRIAL))
    codes = [log["error_code"] for log in logs if log["event"] == "shop_error"]
    assert codes == ["trial_already_used"]


async def test_telegram_flood_control_on_an_edit_does_not_crash(bot: BotHarness) -> None:
    await bot.send(USER, "/start")
    bot.session.fail_next(EditMessageText, 429, "Too Many Requests: retry after 5", retry_after=5)
    with capture_logs() as logs:
        await bot.tap(USER, MenuCallback(screen=Screen.MAIN))
    assert bot.notices()[-1] == bot.text("en", "error-generic")
    assert [log["event"] for log in logs] == ["update_failed"]


async def test_a_user_who_blocked_the_bot_does_not_crash_it(bot: BotHarness) -> None:
    bot.session.fail_next(SendMessage, 403, "Forbidden: bot was blocked by the user")
    bot.session.fail_next(SendMessage, 403, "Forbidden: bot was blocked by the user")
    with capture_logs() as logs:
        await bot.send(USER, "/start")
    assert [type(r) for r in bot.session.requests] == [SendMessage, SendMessage]
    assert [log["event"] for log in logs] == ["update_failed", "error_reply_failed"]


async def test_the_fake_session_raises_what_telegram_would(bot: BotHarness) -> None:
    bot.session.fail_next(SendMessage, 429, "Too Many Requests: retry after 7", retry_after=7)
    with pytest.raises(TelegramRetryAfter) as error:
        await bot.bot.send_message(USER, "hi")
    assert error.value.retry_after == 7
    sent = await bot.bot.send_message(USER, "hi")
    assert sent.message_id == bot.session.last_message_id(USER)
