"""The async-generator resources of the Infra container: each yields the object it opens and
closes it on shutdown. Settings values arrive as the settings model holds them (SecretStr,
URLs); this is the one place they are revealed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from aiogram import Bot
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.fsm.storage.base import BaseStorage
from pydantic import AnyHttpUrl, SecretStr
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import create_engine
from shop_adapters.redis.client import redis_resource
from shop_adapters.redis.fsm_storage import open_fsm_storage
from shop_adapters.telegram.json_session import JsonBodySession
from shop_entrypoints.settings.storage import EMBEDDED_DATABASE_FILE


def reveal(secret: SecretStr | None) -> str | None:
    return None if secret is None else secret.get_secret_value()


def database_url(url: SecretStr | None, data_dir: Path) -> str:
    """The configured database, or the embedded SQLite file in `data_dir`."""
    if url is not None:
        return url.get_secret_value()
    return f"sqlite+aiosqlite:///{(Path(data_dir) / EMBEDDED_DATABASE_FILE).as_posix()}"


def api_server(url: AnyHttpUrl | None) -> TelegramAPIServer:
    """api.telegram.org, or a self-hosted Bot API server (`telegram.api_server_url`)."""
    return PRODUCTION if url is None else TelegramAPIServer.from_base(str(url).rstrip("/"))


async def open_bot(token: SecretStr, server: TelegramAPIServer) -> AsyncIterator[Bot]:
    session = JsonBodySession(api=server)  # orjson, one JSON body per call
    bot = Bot(token.get_secret_value(), session=session)
    try:
        yield bot
    finally:
        await bot.session.close()


async def open_engine(url: str, pool_size: int, echo: bool) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(url, pool_size=pool_size, echo=echo)
    try:
        yield engine
    finally:
        await engine.dispose()


async def open_redis(url: SecretStr | None) -> AsyncIterator[Redis | None]:
    """The shared client, or None when no Redis is configured (state stays in memory)."""
    if url is None:
        yield None
        return
    async for client in redis_resource(url.get_secret_value()):
        yield client


async def open_storage(url: SecretStr | None) -> AsyncIterator[BaseStorage]:
    """aiogram's FSM storage: Redis when it answers, memory (with a warning) otherwise."""
    storage = await open_fsm_storage(reveal(url))
    try:
        yield storage
    finally:
        await storage.close()
