"""`shop run` as a real subprocess against fakes on loopback: the fake Bot API server and
the fake Remnawave panel (served over HTTP), with SQLite in a temporary data directory."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.fakes.loopback_asgi import LoopbackAsgiServer
from tests.fakes.remnawave import FakePanel
from tests.fakes.telegram.bot_api_server import FakeBotApiServer

TOKEN = "123456789:" + "P" * 35
PANEL_TOKEN = "test-token"  # noqa: S105 - the fake panel's default
START_TIMEOUT = 60.0  # a cold interpreter on a busy two-core machine
_ids = itertools.count(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def shop_env(bot_api: str, panel: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("SHOP_")}
    env.update(
        SHOP_TELEGRAM__BOT_TOKEN=TOKEN,
        SHOP_TELEGRAM__API_SERVER_URL=bot_api,
        SHOP_TELEGRAM__ADMIN_IDS="1",
        SHOP_TELEGRAM__DEFAULT_LANGUAGE="en",
        SHOP_PANEL__URL=panel,
        SHOP_PANEL__API_TOKEN=PANEL_TOKEN,
        SHOP_DATA_DIR=str(data_dir),
        SHOP_WEB__HOST="127.0.0.1",
        SHOP_WEB__PORT=str(free_port()),
        SHOP_LOG__FORMAT="json",
        SHOP_LIFECYCLE__SHUTDOWN_TIMEOUT_SECONDS="10",
    )
    env.update(extra)
    return env


@dataclass
class ShopProcess:
    process: asyncio.subprocess.Process
    env: dict[str, str]
    logs: list[dict[str, Any]] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    reader: asyncio.Task[None] | None = None

    @classmethod
    async def start(cls, env: dict[str, str], cwd: Path, command: str = "run") -> ShopProcess:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "shop_entrypoints", command,
            cwd=cwd, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        shop = cls(process, env)
        shop.reader = asyncio.create_task(shop._read())
        return shop

    async def _read(self) -> None:
        assert self.process.stderr is not None
        async for line in self.process.stderr:
            text = line.decode(errors="replace").rstrip()
            self.raw.append(text)
            try:
                self.logs.append(json.loads(text))
            except ValueError:
                continue

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.env['SHOP_WEB__PORT']}"

    def events(self, name: str) -> list[dict[str, Any]]:
        return [entry for entry in self.logs if entry.get("event") == name]

    def signal(self, sig: signal.Signals = signal.SIGTERM) -> None:
        self.process.send_signal(sig)

    async def wait(self, seconds: float) -> int:
        async with asyncio.timeout(seconds):
            code = await self.process.wait()
            if self.reader is not None:
                await self.reader
        return code

    async def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()

    def output(self) -> str:
        return "\n".join(self.raw[-60:])


@dataclass
class Fakes:
    bot_api: FakeBotApiServer
    panel: FakePanel
    panel_server: LoopbackAsgiServer

    @classmethod
    async def start(cls) -> Fakes:
        bot_api = FakeBotApiServer(TOKEN)
        await bot_api.start()
        panel = FakePanel(api_token=PANEL_TOKEN)
        panel_server = LoopbackAsgiServer(panel.app)
        await panel_server.start()
        return cls(bot_api, panel, panel_server)

    async def close(self) -> None:
        await self.bot_api.close()
        await self.panel_server.close()


def user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Ann", "language_code": "en"}


def text_message(user_id: int, text: str) -> dict[str, Any]:
    chat = {"id": user_id, "type": "private"}
    return {
        "message_id": next(_ids),
        "date": 1_768_046_400,
        "chat": chat,
        "from": user(user_id),
        "text": text,
    }


def tap(fakes: Fakes, user_id: int, data: str) -> dict[str, Any]:
    """A button tap on the last screen the bot showed this user."""
    [*_, screen] = fakes.bot_api.store.in_chat(user_id)
    return {
        "id": f"cb{next(_ids)}",
        "from": user(user_id),
        "chat_instance": "ci",
        "message": fakes.bot_api.store.json(screen),
        "data": data,
    }


async def answered(fakes: Fakes, method: str, count: int, seconds: float = 20) -> None:
    """Until the bot has called `method` at least `count` times."""
    async with asyncio.timeout(seconds):
        await fakes.bot_api.wait_for(lambda: len(fakes.bot_api.calls_of(method)) >= count)
