from typing import Any

import structlog
from aiogram.methods import GetChatMember
from aiogram.types import Chat, TelegramObject, Update, User

from shop_domain.model.ids import CustomerId
from shop_entrypoints.telegram.callbacks import ChannelCheckCallback, MenuCallback, Screen
from shop_entrypoints.telegram.middlewares.log_context import LogContextMiddleware
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.port_fakes import FakeRateLimiter
from tests.unit.telegram.wiring import ADMIN_ID, default_config

USER = 100
CHANNEL = -1001234


async def test_a_throttled_user_is_told_once_per_ban(lang: str) -> None:
    bot = BotHarness(rate_limiter=FakeRateLimiter(limit=2))
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), lang=lang)
    bot.shop.queries.clear()

    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), lang=lang)
    await bot.send(USER, "/start", lang=lang)
    await bot.send(USER, "/start", lang=lang)

    assert bot.notices()[-1] == bot.text(lang, "throttled")
    assert bot.notices().count(bot.text(lang, "throttled")) == 1
    assert bot.text(lang, "throttled") not in bot.screens()
    assert bot.shop.queries == []  # dropped before the database

    bot.rate_limiter.lift_ban(f"user:{USER}")
    bot.rate_limiter.limit = 0
    await bot.send(USER, "/start", lang=lang)  # a new ban, a new notice (as a message)
    assert bot.last_screen() == bot.text(lang, "throttled")


async def test_admins_are_never_throttled() -> None:
    bot = BotHarness(rate_limiter=FakeRateLimiter(limit=0))
    for _ in range(5):
        await bot.send(ADMIN_ID, "/start")
    assert bot.rate_limiter.hits == {}
    assert len(bot.screens()) == 5


async def test_banned_customers_hear_it_and_nothing_else(bot: BotHarness, lang: str) -> None:
    await bot.shop.add_customer(USER, is_banned=True)
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    assert bot.screens() == [bot.text("en", "banned")]  # stored language: add_customer's EN
    assert bot.notices() == [bot.text("en", "banned")]
    assert bot.shop.store.state.subscriptions == {}


def _gated() -> BotHarness:
    config = default_config(required_channel_id=CHANNEL, required_channel_url="https://t.me/c")
    return BotHarness(config=config)


async def test_channel_gate_blocks_non_members_until_they_join(lang: str) -> None:
    bot = _gated()
    bot.session.chat_member_status[CHANNEL, USER] = "left"
    await bot.send(USER, "/start", lang=lang)
    assert bot.last_screen() == bot.text(lang, "channel-required")
    assert CustomerId(USER) in bot.shop.store.state.customers  # registered, referral kept

    await bot.tap(USER, ChannelCheckCallback(), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "channel-not-joined")

    bot.session.chat_member_status[CHANNEL, USER] = "member"
    await bot.tap(USER, ChannelCheckCallback(), lang=lang)
    assert bot.last_screen() == bot.text(lang, "menu-title")


async def test_membership_is_cached_for_a_while_not_forever() -> None:
    bot = _gated()
    await bot.send(USER, "/start")
    await bot.send(USER, "/menu")
    assert len(bot.session.of_type(GetChatMember)) == 1
    assert set(bot.cache.ttls.values()) == {bot.config.channel_check_ttl_seconds}

    bot.cache.expire_all()
    bot.session.chat_member_status[CHANNEL, USER] = "left"
    await bot.send(USER, "/menu")
    assert len(bot.session.of_type(GetChatMember)) == 2
    assert bot.last_screen() == bot.text("en", "channel-required")


async def test_channel_gate_spares_admins_and_fails_open() -> None:
    bot = _gated()
    bot.session.chat_member_status[CHANNEL, ADMIN_ID] = "left"
    await bot.send(ADMIN_ID, "/start")
    assert bot.session.of_type(GetChatMember) == []

    bot.session.fail_next(GetChatMember, 400, "Bad Request: chat not found")
    await bot.send(USER, "/start")
    assert bot.last_screen() == bot.text("en", "welcome-new", name="User100")


async def test_log_context_is_bound_for_the_update() -> None:
    seen: dict[str, Any] = {}

    async def handler(event: TelegramObject, data: dict[str, Any]) -> None:
        seen.update(structlog.contextvars.get_contextvars())

    data = {
        "event_from_user": User(id=5, is_bot=False, first_name="A"),
        "event_chat": Chat(id=6, type="private"),
    }
    await LogContextMiddleware()(handler, Update(update_id=9), data)
    assert seen == {"update_id": 9, "user_id": 5, "chat_id": 6}
    assert structlog.contextvars.get_contextvars() == {}
