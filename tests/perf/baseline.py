"""The hot path as it was before the performance work, rebuilt from the container's seams,
so the benchmark compares before and after in the same conditions (this machine's CPU time
varies several-fold with its load):

- the customer is read in a unit of work (BEGIN, SELECT, ROLLBACK), no CustomerLookup;
- SQLAlchemy's `pool_pre_ping` (BEGIN, `;`, ROLLBACK on every checkout);
- aiogram's urlencoded-form session (with orjson, as before);
- the main menu built and every text rendered on each use.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import orjson
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from dependency_injector import providers
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from shop_entrypoints.container import Container
from shop_entrypoints.telegram.keyboards import menu
from shop_entrypoints.telegram.texts import Texts


class RenderEveryTime(Texts):
    def get(self, language: str, message_id: str, /, **args: str | int) -> str:
        return self._render(language, message_id, args)[0]


class _Forgetful(dict[Any, Any]):
    """A cache that never keeps anything."""

    def __setitem__(self, key: Any, value: Any) -> None:
        return


async def _engine(url: str, pool_size: int) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(
        url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True
    )
    yield engine
    await engine.dispose()


async def _bot(token: str, base_url: str) -> AsyncIterator[Bot]:
    session = AiohttpSession(
        api=TelegramAPIServer.from_base(base_url),
        json_loads=orjson.loads,
        json_dumps=lambda value: orjson.dumps(value).decode(),
    )
    bot = Bot(token, session=session)
    yield bot
    await session.close()


def apply_baseline(container: Container, database_url: str, token: str, base_url: str) -> None:
    infra = container.infra
    infra.engine.override(providers.Resource(_engine, database_url, 10))
    infra.bot.override(providers.Resource(_bot, token, base_url))
    infra.customer_lookup.override(providers.Object(None))
    container.texts.override(providers.Singleton(RenderEveryTime))
    menu._menus = _Forgetful()  # the benchmark's "before" only
