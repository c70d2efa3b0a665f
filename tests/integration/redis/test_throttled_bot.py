"""The real throttling middleware on the Redis limiter: two bot replicas, one user flooding
both, one shared budget and one notice per ban; admins never reach Redis."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from aiogram import Bot, Dispatcher, Router
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import SendMessage
from aiogram.types import Chat, Message, Update, User
from redis.asyncio import Redis

from shop_adapters.redis.rate_limiter import RedisRateLimiter
from shop_entrypoints.telegram.middlewares.throttling import ThrottlingMiddleware
from tests.fakes.telegram import FakeTelegramSession

ADMIN, USER = 1, 100
_ids = itertools.count(1)


def replica(redis: Redis) -> tuple[Dispatcher, Bot, FakeTelegramSession]:
    limiter = RedisRateLimiter(redis, max_requests=3, window_seconds=60, ban_seconds=300)
    router = Router()

    @router.message()
    async def on_message(message: Message) -> None:
        await message.answer("menu")

    dispatcher = Dispatcher(storage=MemoryStorage())
    dispatcher.update.outer_middleware(
        ThrottlingMiddleware(limiter, {ADMIN}, lambda lang: f"slow down ({lang})")
    )
    dispatcher.include_router(router)
    session = FakeTelegramSession()
    return dispatcher, Bot("42:TEST", session=session), session


def message_from(user_id: int) -> Update:
    user = User(id=user_id, is_bot=False, first_name="U", language_code="en")
    message = Message(
        message_id=next(_ids),
        date=datetime(2026, 1, 1, tzinfo=UTC),
        chat=Chat(id=user_id, type="private"),
        from_user=user,
        text="/menu",
    )
    return Update(update_id=next(_ids), message=message)


def replies(session: FakeTelegramSession) -> list[str]:
    return [request.text for request in session.of_type(SendMessage)]


async def test_two_replicas_share_the_budget_and_tell_the_user_once(
    redis: Redis, other_redis: Redis
) -> None:
    first, second = replica(redis), replica(other_redis)

    for i in range(10):
        dispatcher, bot, _ = first if i % 2 else second
        await dispatcher.feed_update(bot, message_from(USER))

    texts = replies(first[2]) + replies(second[2])
    assert sorted(texts) == sorted(["menu"] * 3 + ["slow down (en)"])


async def test_admins_are_not_counted(redis: Redis) -> None:
    dispatcher, bot, session = replica(redis)

    for _ in range(10):
        await dispatcher.feed_update(bot, message_from(ADMIN))

    assert replies(session) == ["menu"] * 10
    assert await redis.dbsize() == 0
