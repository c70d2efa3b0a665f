"""`shop run` in webhook mode: setWebhook carries the secret, only requests bearing it are
handled, the web app (health) shares the server, and SIGTERM still exits 0."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx

from tests.integration.process.harness import (
    START_TIMEOUT,
    Fakes,
    ShopProcess,
    answered,
    shop_env,
    text_message,
)

PUBLIC_URL = "https://shop.example.com/tg/hook"
SECRET = "webhook-secret_42"  # noqa: S105 - a test value
CUSTOMER = 7101


async def test_webhook_mode_handles_only_updates_bearing_the_secret(
    fakes: Fakes, tmp_path: Path
) -> None:
    env = shop_env(
        fakes.bot_api.base_url,
        fakes.panel_server.base_url,
        tmp_path / "data",
        SHOP_TELEGRAM__WEBHOOK_URL=PUBLIC_URL,
        SHOP_TELEGRAM__WEBHOOK_SECRET=SECRET,
    )
    shop = await ShopProcess.start(env, tmp_path)
    try:
        async with asyncio.timeout(START_TIMEOUT):
            await fakes.bot_api.wait_for(lambda: bool(fakes.bot_api.calls_of("setWebhook")))
        [set_webhook] = fakes.bot_api.calls_of("setWebhook")
        assert set_webhook.params["url"] == PUBLIC_URL
        assert set_webhook.params["secret_token"] == SECRET
        assert set_webhook.params.get("drop_pending_updates") in (None, False, "false")

        update = json.dumps({"update_id": 1, "message": text_message(CUSTOMER, "/start")})
        async with httpx.AsyncClient(base_url=shop.web_url, timeout=10) as http:
            assert (await http.get("/health")).status_code == 200
            forged = await http.post(
                "/tg/hook", content=update, headers={"X-Telegram-Bot-Api-Secret-Token": "x"}
            )
            missing = await http.post("/tg/hook", content=update)
            genuine = await http.post(
                "/tg/hook", content=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
            )
        assert (forged.status_code, missing.status_code, genuine.status_code) == (401, 401, 200)
        await answered(fakes, "sendMessage", 1)
        assert len(fakes.bot_api.store.in_chat(CUSTOMER)) == 1  # handled once, by the genuine one
        assert fakes.bot_api.calls_of("getUpdates") == []

        shop.signal()
        code = await shop.wait(20)
    finally:
        await shop.kill()

    assert code == 0, shop.output()
    assert SECRET not in "\n".join(shop.raw)
