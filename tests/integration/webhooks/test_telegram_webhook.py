"""Webhook mode over real loopback HTTP: only Telegram, proving itself with the secret token
given in setWebhook, gets updates handled; the route never contains the bot token."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from aiogram.methods import SendMessage, SetWebhook
from aiohttp import web

from shop_entrypoints.runner.lifecycle import Lifecycle
from shop_entrypoints.runner.preflight import StartupError
from shop_entrypoints.runner.web_server import WebServer
from shop_entrypoints.runner.webhook_mode import WebhookMode, webhook_route
from shop_entrypoints.webhooks.telegram import SECRET_HEADER
from tests.unit.telegram.bot_harness import BotHarness

SECRET = "s3cret-Token_from-setWebhook"  # noqa: S105 - a test value
PUBLIC_URL = "https://shop.example.com/tg/updates"


def start_update(update_id: int, user_id: int = 900) -> dict[str, object]:
    user = {"id": user_id, "is_bot": False, "first_name": "Ann", "language_code": "en"}
    chat = {"id": user_id, "type": "private"}
    message = {"message_id": 5, "date": 1_768_046_400, "chat": chat, "from": user}
    return {"update_id": update_id, "message": {**message, "text": "/start"}}


@dataclass
class WebhookServer:
    harness: BotHarness
    lifecycle: Lifecycle
    mode: WebhookMode
    http: httpx.AsyncClient

    async def post(self, body: object, secret: str | None = SECRET) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        return await self.http.post(self.mode.path, content=json.dumps(body), headers=headers)

    def sent(self) -> list[SendMessage]:
        return self.harness.session.of_type(SendMessage)


@pytest.fixture
async def server() -> AsyncIterator[WebhookServer]:
    harness = BotHarness()
    lifecycle = Lifecycle(grace_seconds=5)
    mode = WebhookMode(harness.dispatcher, harness.bot, PUBLIC_URL, SECRET, 10)
    app = web.Application()
    mode.mount(app, lifecycle)
    web_server = WebServer(app, "127.0.0.1", 0, shutdown_timeout=1)
    await web_server.start()
    base = f"http://127.0.0.1:{web_server.port}"
    async with httpx.AsyncClient(base_url=base) as http:
        yield WebhookServer(harness, lifecycle, mode, http)
    await web_server.close()


async def test_the_right_secret_gets_the_update_handled(server: WebhookServer) -> None:
    response = await server.post(start_update(1))
    await server.lifecycle.drain()

    assert response.status_code == 200
    assert [m.chat_id for m in server.sent()] == [900]


@pytest.mark.parametrize("secret", [None, "", "forged", SECRET + "x", SECRET[:-1]])
async def test_a_missing_or_forged_secret_is_refused(
    server: WebhookServer, secret: str | None
) -> None:
    response = await server.post(start_update(2), secret=secret)
    await server.lifecycle.drain()

    assert response.status_code == 401
    assert response.json() == {"ok": False, "error": "bad_secret_token"}
    assert server.sent() == []
    assert server.harness.shop.store.state.customers == {}


async def test_a_body_that_is_not_an_update_is_rejected(server: WebhookServer) -> None:
    response = await server.post({"update_id": "not a number"})

    assert response.status_code == 400
    assert server.sent() == []


async def test_the_route_is_the_configured_path_and_holds_no_token(
    server: WebhookServer,
) -> None:
    assert server.mode.path == "/tg/updates"
    token_path = f"/bot{server.harness.bot.token}"
    response = await server.http.post(token_path, content=json.dumps(start_update(3)))

    assert response.status_code == 404


async def test_set_webhook_sends_the_secret_and_keeps_pending_updates(
    server: WebhookServer,
) -> None:
    await server.mode.start()

    [request] = server.harness.session.of_type(SetWebhook)
    assert request.url == PUBLIC_URL
    assert request.secret_token == SECRET
    assert request.drop_pending_updates is False
    assert "message" in (request.allowed_updates or [])


def test_a_bare_host_gets_the_default_path() -> None:
    assert webhook_route("https://shop.example.com", "1:abc") == (
        "https://shop.example.com/telegram/webhook",
        "/telegram/webhook",
    )


def test_a_url_that_contains_the_token_is_refused() -> None:
    token = "123456789:" + "B" * 35
    with pytest.raises(StartupError, match="must not contain the bot token"):
        webhook_route(f"https://shop.example.com/{token}", token)


async def test_a_port_in_use_stops_start_up_with_a_reason(server: WebhookServer) -> None:
    busy_port = int(str(server.http.base_url).rsplit(":", 1)[1].rstrip("/"))
    second = WebServer(web.Application(), "127.0.0.1", busy_port, shutdown_timeout=1)

    with pytest.raises(StartupError, match=r"cannot listen on 127\.0\.0\.1"):
        await second.start()
    await second.close()
