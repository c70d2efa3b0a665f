"""Bad input on the customer's side, in both languages: forged and malformed callback data,
text where a number belongs, someone else's buttons, stale screens Telegram refuses to edit,
old callback queries, and the bot in a group chat."""

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from aiogram.types import CallbackQuery, Chat, Message, Update
from structlog.testing import capture_logs

from shop_domain.model.ids import CustomerId, PromoCodeId
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_entrypoints.telegram.callbacks import (
    MenuCallback,
    RevokeCallback,
    Screen,
    SubscriptionAction,
    SubscriptionCallback,
)
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import BASIC
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.wiring import ADMIN_ID

USER, OTHER = 100, 200
GROUP = -100900


async def _trial(bot: BotHarness, lang: str, user: int = USER) -> None:
    await bot.send(user, "/start", lang=lang)
    await bot.tap(user, MenuCallback(screen=Screen.TRIAL), lang=lang)


@pytest.mark.parametrize(
    "data",
    [
        "plan:basic:thirty",  # text where the number of days belongs
        "plan:basic:1.5",
        "pay:basic:abc:fakepay",
        "pay:basic:30",  # a field missing
        "revoke:abc",  # text where the owner's id belongs
        "revoke:",
        "dev:me:token",
        "dev:100",
        "lang:de",  # a language we do not speak
        "sub:qr:extra",
        "m:sub:extra",
        "m:" + "x" * 60,
    ],
)
async def test_malformed_callback_data_is_stale_and_changes_nothing(
    bot: BotHarness, lang: str, data: str
) -> None:
    await bot.shop.add_plan()
    await _trial(bot, lang)
    calls = list(bot.shop.panel.calls)

    with capture_logs() as logs:
        await bot.tap(USER, data, lang=lang)

    assert bot.notices()[-1] == bot.text(lang, "stale-button")
    assert bot.shop.panel.calls == calls
    assert bot.shop.store.state.orders == {}
    assert [log for log in logs if log["log_level"] in {"error", "critical"}] == []


async def test_huge_numbers_in_well_formed_buttons_are_refused(bot: BotHarness, lang: str) -> None:
    await bot.shop.add_plan()
    await bot.send(USER, "/start", lang=lang)
    huge = "9" * 30
    for data in (f"plan:{BASIC}:{huge}", f"pay:{BASIC}:-30:fakepay", f"pay:{BASIC}:0:stars"):
        await bot.tap(USER, data, lang=lang)
        assert bot.notices()[-1] in {
            bot.text(lang, "stale-button"),
            bot.text(lang, "error-price_not_available"),
        }
    assert bot.shop.store.state.orders == {}
    assert bot.shop.store.state.payments == {}


def _links(bot: BotHarness) -> dict[CustomerId, str | None]:
    return {s.customer_id: s.subscription_url for s in bot.shop.store.state.subscriptions.values()}


async def test_a_forged_owner_id_never_touches_the_owners_link(bot: BotHarness, lang: str) -> None:
    await _trial(bot, lang)
    await _trial(bot, lang, user=OTHER)
    before = _links(bot)

    await bot.tap(OTHER, RevokeCallback(owner_id=USER), lang=lang)
    await bot.tap(USER, RevokeCallback(owner_id=OTHER), lang=lang)

    after = _links(bot)
    assert after == before
    assert bot.notices()[-2:] == [bot.text(lang, "not-yours")] * 2


async def test_screens_without_owner_show_the_tappers_own_data(bot: BotHarness, lang: str) -> None:
    await _trial(bot, lang)
    await bot.send(OTHER, "/start", lang=lang)
    # OTHER replays USER's "My subscription" button: it is about whoever taps it.
    await bot.tap(OTHER, MenuCallback(screen=Screen.SUBSCRIPTION), lang=lang)
    assert bot.last_screen() == bot.text(lang, "sub-none")
    await bot.tap(OTHER, SubscriptionCallback(action=SubscriptionAction.QR), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "error-subscription_not_found")


async def test_the_trial_button_after_the_trial_is_explained(bot: BotHarness, lang: str) -> None:
    await _trial(bot, lang)
    old_menu = bot.session.remember(USER, "The menu from before the trial")
    await bot.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang, message_id=old_menu)
    assert bot.notices()[-1] == bot.text(lang, "error-trial_already_used")
    assert sum(1 for s in bot.shop.store.state.subscriptions.values() if s.is_trial) == 1


@pytest.mark.parametrize(
    "reason",
    [
        "Bad Request: message to edit not found",
        "Bad Request: message can't be edited",
        "Bad Request: MESSAGE_ID_INVALID",
    ],
)
async def test_a_screen_telegram_will_not_edit_is_sent_anew(
    bot: BotHarness, lang: str, reason: str
) -> None:
    await bot.send(USER, "/start", lang=lang)
    bot.session.fail_next(EditMessageText, 400, reason)
    with capture_logs() as logs:
        await bot.tap(USER, MenuCallback(screen=Screen.LANGUAGE), lang=lang)

    assert [type(r).__name__ for r in bot.session.requests][-3:] == [
        "EditMessageText",
        "SendMessage",
        "AnswerCallbackQuery",
    ]
    assert bot.last_screen() == bot.text(lang, "language-title")
    assert [log["event"] for log in logs] == ["screen_edit_failed"]


async def test_a_double_tap_on_the_same_screen_is_quiet(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.LANGUAGE), lang=lang)
    with capture_logs() as logs:
        await bot.tap(USER, MenuCallback(screen=Screen.LANGUAGE), lang=lang)  # not modified
    assert len(bot.session.of_type(SendMessage)) == 1  # only /start's: nothing re-sent
    assert logs == []
    assert bot.notices()[-1] is None


async def test_an_expired_callback_query_does_not_break_the_screen(
    bot: BotHarness, lang: str
) -> None:
    await bot.send(USER, "/start", lang=lang)
    bot.session.fail_next(
        AnswerCallbackQuery,
        400,
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
    )
    with capture_logs() as logs:
        await bot.tap(USER, MenuCallback(screen=Screen.LANGUAGE), lang=lang)
    assert bot.last_screen() == bot.text(lang, "language-title")
    assert [log["event"] for log in logs] == ["callback_answer_failed"]


async def test_a_button_without_its_message_gets_a_fresh_screen(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    callback = CallbackQuery(
        id="cb-inline",
        from_user=bot.user(USER, lang),
        chat_instance="ci",
        inline_message_id="AAAA-inline",  # a message sent in inline mode: no Message object
        data=MenuCallback(screen=Screen.MAIN).pack(),
    )
    await bot.feed(callback_query=callback)
    sent = bot.session.of_type(SendMessage)[-1]
    assert (sent.chat_id, sent.text) == (USER, bot.text(lang, "menu-title"))


def _group_message(user: int, lang: str, text: str) -> Message:
    return Message(
        message_id=5,
        date=T0,
        chat=Chat(id=GROUP, type="supergroup"),
        from_user=BotHarness.user(user, lang),
        text=text,
    )


async def test_the_bot_ignores_groups(bot: BotHarness, lang: str) -> None:
    for text in ("/start", "/menu", "/start ref_ABC", "hello"):
        await bot.feed(message=_group_message(USER, lang, text))
    assert bot.session.requests == []
    assert CustomerId(USER) not in bot.shop.store.state.customers
    assert bot.shop.queries == []


async def test_buttons_in_a_group_never_show_anyones_subscription(
    bot: BotHarness, lang: str
) -> None:
    await _trial(bot, lang)
    requests = len(bot.session.requests)
    callback = CallbackQuery(
        id="cb-group",
        from_user=bot.user(USER, lang),
        chat_instance="ci",
        message=_group_message(42, lang, "A menu someone got into the group"),
        data=MenuCallback(screen=Screen.SUBSCRIPTION).pack(),
    )
    await bot.feed(callback_query=callback)

    assert [type(r) for r in bot.session.requests[requests:]] == [AnswerCallbackQuery]
    assert bot.notices()[-1] == bot.text(lang, "private-only")


async def test_text_is_welcome_where_no_number_is_asked(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    for text in ("30", "-1", "1e9", "٣٠", "🙂", "/unknown_command"):
        await bot.send(USER, text, lang=lang)
        assert bot.last_screen() == bot.text(lang, "unknown-message")
    assert bot.shop.store.state.orders == {}


async def test_an_update_from_no_user_is_harmless(bot: BotHarness) -> None:
    await bot.dispatcher.feed_update(bot.bot, Update(update_id=999))
    assert bot.session.requests == []


async def _promo_prompt(bot: BotHarness, lang: str) -> None:
    async with bot.shop.uow() as uow:
        await uow.promo_codes.add(PromoCode(PromoCodeId("b"), "DAYS7", PromoKind.BONUS_DAYS, 7, T0))
        await uow.commit()
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.PROMO), lang=lang)


async def test_the_menu_drops_a_half_answered_promo_prompt(bot: BotHarness, lang: str) -> None:
    await _promo_prompt(bot, lang)
    await bot.send(USER, "/menu", lang=lang)
    await bot.send(USER, "DAYS7", lang=lang)  # later chatter is not taken for a code
    assert bot.last_screen() == bot.text(lang, "unknown-message")

    await bot.tap(USER, MenuCallback(screen=Screen.PROMO), lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), lang=lang)
    await bot.send(USER, "DAYS7", lang=lang)
    assert bot.last_screen() == bot.text(lang, "unknown-message")
    assert bot.shop.store.state.activations == {}


async def test_admins_may_tap_buttons_outside_private_chats(bot: BotHarness) -> None:
    callback = CallbackQuery(
        id="cb-log-chat",
        from_user=bot.user(ADMIN_ID, "en"),
        chat_instance="ci",
        message=_group_message(42, "en", "A post in the admin log chat"),
        data=MenuCallback(screen=Screen.MAIN).pack(),
    )
    await bot.feed(callback_query=callback)
    assert bot.text("en", "private-only") not in bot.notices()
