"""POST <webhook path>: updates from Telegram in webhook mode.

The path never contains the bot token. Telegram proves itself with the secret it was given in
setWebhook, sent as `X-Telegram-Bot-Api-Secret-Token`; it is compared in constant time and a
missing or wrong one gets 401. A verified update is acknowledged at once and handled in a
tracked task, under the same global cap on concurrent updates as long polling.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from typing import Any

import structlog
from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiohttp import web
from pydantic import ValidationError

from shop_entrypoints.webhooks.bodies import BodyTooLargeError, json_error, read_capped_body

logger = structlog.get_logger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
DEFAULT_PATH = "/telegram/webhook"
TaskTracker = Callable[["asyncio.Task[Any]"], None]


class TelegramWebhook:
    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        secret: str,
        track: TaskTracker,
        max_concurrent_updates: int,
    ) -> None:
        if not secret:
            raise ValueError("the Telegram webhook needs a secret token")
        self._dispatcher = dispatcher
        self._bot = bot
        self._secret = secret.encode()
        self._track = track
        self._slots = asyncio.Semaphore(max_concurrent_updates)

    async def on_update(self, request: web.Request) -> web.StreamResponse:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            logger.warning("telegram_webhook_untrusted", peer=request.remote)
            return json_error(401, "bad_secret_token")
        try:
            body = await read_capped_body(request)
            update = Update.model_validate_json(body, context={"bot": self._bot})
        except BodyTooLargeError:
            return json_error(413, "body_too_large")
        except ValidationError:
            return json_error(400, "not_an_update")
        task = asyncio.create_task(self._handle(update))
        self._track(task)
        return web.json_response({})

    async def _handle(self, update: Update) -> None:
        async with self._slots:
            try:
                result = await self._dispatcher.feed_update(self._bot, update)
                if isinstance(result, TelegramMethod):
                    await self._dispatcher.silent_call_request(bot=self._bot, result=result)
            except Exception:  # the update boundary: log it, Telegram already has its 200
                logger.exception("update_failed", update_id=update.update_id)
