"""`shop bot` + `shop worker` as two processes on PostgreSQL and Redis: the bot takes the
updates and runs no jobs; the worker runs the jobs the bot queued. A trial whose first panel
push fails is provisioned by the worker's outbox retry, and the customer gets the link once."""

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


async def _started(shop: ShopProcess, seconds: float) -> None:
    async with asyncio.timeout(seconds):
        while not shop.events("shop_started"):
            assert shop.process.returncode is None, shop.output()
            await asyncio.sleep(0.1)


def _link_sent(fakes: Fakes, customer: int) -> bool:
    panel_user = fakes.panel.user_named(f"tg_{customer}")
    if panel_user is None:
        return False
    link = fakes.panel.subscription_url(panel_user)
    return any(link in text for text in fakes.bot_api.sent_texts(customer))


async def test_the_worker_runs_what_the_bot_queued(
    fakes: Fakes, tmp_path: Path, database_url: str, redis_url: str
) -> None:
    client = Redis.from_url(redis_url)
    await client.flushdb()
    await client.aclose()
    customer = 9_000_000 + secrets.randbelow(1_000_000)  # the database outlives this test
    env = shop_env(
        fakes.bot_api.base_url,
        fakes.panel_server.base_url,
        tmp_path / "data",
        SHOP_DATABASE__URL=database_url,
        SHOP_REDIS__URL=redis_url,
        SHOP_JOBS__PROVISIONING_EVERY_SECONDS="1",
    )
    worker = await ShopProcess.start(env, tmp_path, "worker")
    bot = await ShopProcess.start(env, tmp_path, "bot")
    try:
        await _started(worker, START_TIMEOUT)
        await answered(fakes, "getUpdates", 1, seconds=START_TIMEOUT)
        fakes.panel.fail_next("POST", "/api/users", status=502)  # the first push fails
        await fakes.bot_api.push_update(message=text_message(customer, "/start"))
        async with asyncio.timeout(20):  # the menu in this customer's chat, whoever else spoke
            await fakes.bot_api.wait_for(lambda: bool(fakes.bot_api.store.in_chat(customer)))
        await fakes.bot_api.push_update(callback_query=tap(fakes, customer, "m:trial"))
        await answered(fakes, "answerCallbackQuery", 1)
        async with asyncio.timeout(30):  # the worker's outbox retry (5 s backoff) pushes it
            await fakes.bot_api.wait_for(lambda: _link_sent(fakes, customer))
        panel_user = fakes.panel.user_named(f"tg_{customer}")
        assert panel_user is not None
        link = fakes.panel.subscription_url(panel_user)
        bot.signal()
        worker.signal()
        bot_code, worker_code = await bot.wait(20), await worker.wait(20)
    finally:
        await bot.kill()
        await worker.kill()

    assert (bot_code, worker_code) == (0, 0), bot.output() + worker.output()
    assert len([t for t in fakes.bot_api.sent_texts(customer) if link in t]) == 1
    assert bot.events("job_worker_started") == []  # the bot queues jobs, runs none
    assert worker.events("job_worker_started")[0]["broker"] != "InMemoryBroker"
    assert worker.events("job_scheduler_started")
    assert bot.events("shop_started")[0]["part"] == "bot"


async def test_a_split_part_refuses_the_embedded_stores(fakes: Fakes, tmp_path: Path) -> None:
    env = shop_env(fakes.bot_api.base_url, fakes.panel_server.base_url, tmp_path / "data")
    worker = await ShopProcess.start(env, tmp_path, "worker")
    try:
        code = await worker.wait(START_TIMEOUT)
    finally:
        await worker.kill()

    assert code == 1
    [failure] = worker.events("startup_failed")
    assert "SHOP_REDIS__URL" in failure["reason"]
