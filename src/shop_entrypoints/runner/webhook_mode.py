"""Webhook mode (`telegram.webhook_url` set): Telegram posts updates to our web server.

The route is the path of the configured URL (never the bot token). Telegram gets the secret
token with setWebhook; without a configured one, a random secret is made for this process.
Pending updates are kept (`drop_pending_updates=False`).
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

import structlog
from aiogram import Bot, Dispatcher
from aiohttp import web

from shop_entrypoints.runner.lifecycle import Lifecycle
from shop_entrypoints.runner.preflight import StartupError
from shop_entrypoints.webhooks.telegram import DEFAULT_PATH, TelegramWebhook

logger = structlog.get_logger(__name__)


def webhook_route(url: str, bot_token: str) -> tuple[str, str]:
    """(public URL to register, local route path); a bare host gets `/telegram/webhook`."""
    path = urlsplit(url).path
    if path in ("", "/"):
        url, path = url.rstrip("/") + DEFAULT_PATH, DEFAULT_PATH
    if bot_token in url or bot_token.split(":", 1)[-1] in url:
        raise StartupError("SHOP_TELEGRAM__WEBHOOK_URL must not contain the bot token")
    return url, path


class WebhookMode:
    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        url: str,
        secret: str | None,
        max_concurrent_updates: int,
    ) -> None:
        self._dispatcher = dispatcher
        self._bot = bot
        self._url, self.path = webhook_route(url, bot.token)
        self._secret = secret or secrets.token_urlsafe(32)
        self._limit = max_concurrent_updates

    def mount(self, app: web.Application, lifecycle: Lifecycle) -> None:
        """Add the route before the web server starts (a running app is frozen)."""
        handler = TelegramWebhook(
            self._dispatcher, self._bot, self._secret, lifecycle.track, self._limit
        )
        app.router.add_post(self.path, handler.on_update)

    async def start(self) -> None:
        await self._bot.set_webhook(
            url=self._url,
            secret_token=self._secret,
            allowed_updates=self._dispatcher.resolve_used_update_types(),
            drop_pending_updates=False,
        )
        logger.info("telegram_webhook_set", path=self.path)
