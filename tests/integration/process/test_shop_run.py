"""`shop run` in polling mode, as an operator runs it: a real process, real HTTP to a fake
Bot API and a fake panel, SQLite on disk. A customer gets a trial and sees it; SIGTERM while
an update is in flight lets it finish and the process exits 0."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.integration.process.harness import (
    START_TIMEOUT,
    TOKEN,
    Fakes,
    ShopProcess,
    answered,
    shop_env,
    tap,
    text_message,
)

CUSTOMER = 7001
LATE_CUSTOMER = 7002


async def launch(fakes: Fakes, tmp_path: Path, **env: str) -> ShopProcess:
    settings = shop_env(fakes.bot_api.base_url, fakes.panel_server.base_url, tmp_path / "data")
    return await ShopProcess.start({**settings, **env}, tmp_path)


async def polling(fakes: Fakes, process: ShopProcess) -> ShopProcess:
    try:
        async with asyncio.timeout(START_TIMEOUT):
            await fakes.bot_api.wait_for(lambda: bool(fakes.bot_api.calls_of("getUpdates")))
    except TimeoutError:
        await process.kill()
        pytest.fail(f"shop run did not start polling:\n{process.output()}")
    return process


@pytest.fixture
async def shop(fakes: Fakes, tmp_path: Path) -> AsyncIterator[ShopProcess]:
    process = await polling(fakes, await launch(fakes, tmp_path))
    yield process
    await process.kill()


def markup_data(fakes: Fakes, chat_id: int) -> list[str]:
    [*_, screen] = fakes.bot_api.store.in_chat(chat_id)
    rows = (screen.markup or {}).get("inline_keyboard", [])
    return [button.get("callback_data", "") for row in rows for button in row]


async def test_trial_then_my_subscription_then_graceful_sigterm(
    fakes: Fakes, shop: ShopProcess
) -> None:
    api = fakes.bot_api
    await api.push_update(message=text_message(CUSTOMER, "/start"))
    await answered(fakes, "sendMessage", 1)
    assert "Ann" in api.sent_texts(CUSTOMER)[0]
    assert "m:trial" in markup_data(fakes, CUSTOMER)

    await api.push_update(callback_query=tap(fakes, CUSTOMER, "m:trial"))
    await answered(fakes, "answerCallbackQuery", 1)
    panel_user = fakes.panel.user_named(f"tg_{CUSTOMER}")
    assert panel_user is not None
    link = fakes.panel.subscription_url(panel_user)
    assert any(link in text for text in api.sent_texts(CUSTOMER))

    await api.push_update(callback_query=tap(fakes, CUSTOMER, "m:sub"))
    await answered(fakes, "answerCallbackQuery", 2)
    [*_, screen] = api.sent_texts(CUSTOMER)
    assert link in screen

    # A slow network: the next screen edit is answered after 3 s; SIGTERM arrives meanwhile.
    api.delay_next("editMessageText", 3.0)
    edits = len(api.calls_of("editMessageText"))
    slow_tap = tap(fakes, CUSTOMER, "m:main")
    await api.push_update(callback_query=slow_tap)
    await answered(fakes, "editMessageText", edits + 1)
    stopped_at = time.monotonic()
    shop.signal()
    await asyncio.sleep(0.5)
    await api.push_update(message=text_message(LATE_CUSTOMER, "/start"))

    code = await shop.wait(15)

    assert code == 0, shop.output()
    assert time.monotonic() - stopped_at < 10  # within lifecycle.shutdown_timeout_seconds
    answers = [call.params.get("callback_query_id") for call in api.calls_of("answerCallbackQuery")]
    assert slow_tap["id"] in answers  # the in-flight update ran to its end
    assert shop.events("draining")[0]["in_flight"] == 1
    assert shop.events("cancelled_at_shutdown") == []
    assert api.store.in_chat(LATE_CUSTOMER) == []  # no new update was taken after SIGTERM
    assert [entry["step"] for entry in shop.events("intake_stopped")] == ["polling", "web_server"]
    steps = [entry["step"] for entry in shop.events("shutdown_step_done")]
    assert steps == [
        "web_server", "operations_watch", "jobs", "job_engine", "bot", "fsm_storage", "redis",
        "engine", "panel_http", "payments_http",
    ]  # fmt: skip
    assert TOKEN not in "\n".join(shop.raw)
    assert shop.events("stop_requested")[0]["reason"] == "SIGTERM"
    problems = [e for e in shop.logs if e.get("level") in ("error", "critical")]
    assert problems == [], shop.output()


async def test_an_update_still_running_after_the_timeout_is_cancelled(
    fakes: Fakes, tmp_path: Path
) -> None:
    shop = await polling(
        fakes, await launch(fakes, tmp_path, SHOP_LIFECYCLE__SHUTDOWN_TIMEOUT_SECONDS="1")
    )
    try:
        fakes.bot_api.delay_next("sendMessage", 60.0)
        await fakes.bot_api.push_update(message=text_message(CUSTOMER, "/start"))
        await answered(fakes, "sendMessage", 1)
        stopped_at = time.monotonic()
        shop.signal()

        code = await shop.wait(20)
    finally:
        await shop.kill()

    assert code == 0, shop.output()
    assert time.monotonic() - stopped_at < 8
    assert shop.events("cancelled_at_shutdown")[0]["count"] == 1
    assert shop.events("shutdown_step_done")[-1]["step"] == "payments_http"


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"SHOP_TELEGRAM__BOT_TOKEN": "987654321:" + "Q" * 35}, "rejected the bot token"),
        ({"SHOP_PANEL__API_TOKEN": "wrong-token"}, "panel rejected the API token"),
    ],
)
async def test_rejected_credentials_stop_start_up_with_a_reason(
    fakes: Fakes, tmp_path: Path, env: dict[str, str], says: str
) -> None:
    shop = await launch(fakes, tmp_path, **env)
    try:
        code = await shop.wait(START_TIMEOUT)
    finally:
        await shop.kill()

    assert code == 1
    [failure] = shop.events("startup_failed")
    assert says in failure["reason"]
    assert fakes.bot_api.calls_of("getUpdates") == []
    assert "wrong-token" not in "\n".join(shop.raw)


async def test_missing_settings_are_named_and_exit_1(fakes: Fakes, tmp_path: Path) -> None:
    env = shop_env(fakes.bot_api.base_url, fakes.panel_server.base_url, tmp_path / "data")
    del env["SHOP_PANEL__API_TOKEN"]
    shop = await ShopProcess.start(env, tmp_path)
    try:
        code = await shop.wait(START_TIMEOUT)
    finally:
        await shop.kill()

    assert code == 1
    assert "SHOP_PANEL__API_TOKEN: missing" in shop.output()


async def test_a_second_signal_stops_at_once(fakes: Fakes, shop: ShopProcess) -> None:
    fakes.bot_api.delay_next("sendMessage", 60.0)
    await fakes.bot_api.push_update(message=text_message(CUSTOMER, "/start"))
    await answered(fakes, "sendMessage", 1)
    shop.signal()
    await asyncio.sleep(0.5)
    stopped_at = time.monotonic()
    shop.signal(signal.SIGINT)

    code = await shop.wait(20)

    assert code == 0, shop.output()
    assert time.monotonic() - stopped_at < 5  # not the 10 s grace period
    assert shop.events("stop_hurried")[0]["signal"] == "SIGINT"
    assert shop.events("cancelled_at_shutdown")[0]["count"] == 1
    assert shop.events("shutdown_step_done")[-1]["step"] == "payments_http"
