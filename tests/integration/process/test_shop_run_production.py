"""`shop run` on the production backends: PostgreSQL, and Redis for FSM state, rate limits,
locks and the job streams. A trial works end to end and SIGTERM still exits 0."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

from redis.asyncio import Redis

from tests.integration.process.harness import (
    START_TIMEOUT,
    Fakes,
    ShopProcess,
    answered,
    shop_env,
    tap,
    text_message,
)


async def test_a_trial_on_postgresql_and_redis(
    fakes: Fakes, tmp_path: Path, database_url: str, redis_url: str
) -> None:
    client = Redis.from_url(redis_url)
    await client.flushdb()
    customer = 8_000_000 + secrets.randbelow(1_000_000)  # the database outlives this test
    env = shop_env(
        fakes.bot_api.base_url,
        fakes.panel_server.base_url,
        tmp_path / "data",
        SHOP_DATABASE__URL=database_url,
        SHOP_REDIS__URL=redis_url,
    )
    shop = await ShopProcess.start(env, tmp_path)
    try:
        await answered(fakes, "getUpdates", 1, seconds=START_TIMEOUT)
        await fakes.bot_api.push_update(message=text_message(customer, "/start"))
        async with asyncio.timeout(20):  # the menu in this chat (older customers get reminders)
            await fakes.bot_api.wait_for(lambda: bool(fakes.bot_api.store.in_chat(customer)))
        await fakes.bot_api.push_update(callback_query=tap(fakes, customer, "m:trial"))
        await answered(fakes, "answerCallbackQuery", 1)
        shop.signal()
        code = await shop.wait(20)
    finally:
        await shop.kill()
        keys = [key.decode() async for key in client.scan_iter()]
        await client.aclose()

    assert code == 0, shop.output()
    panel_user = fakes.panel.user_named(f"tg_{customer}")
    assert panel_user is not None
    assert any(
        fakes.panel.subscription_url(panel_user) in t for t in fakes.bot_api.sent_texts(customer)
    )
    assert shop.events("fsm_storage_in_memory") == []
    assert shop.events("job_worker_started")[0]["broker"] != "InMemoryBroker"
    assert any(key.startswith("shop:rate") for key in keys)  # the throttle counted in Redis
    problems = [e for e in shop.logs if e.get("level") in ("error", "critical")]
    assert problems == [], shop.output()
