"""The fake Bot API server in a child process, so the bot's CPU time is the bot's alone.

The parent gets the server's base URL and may ask, over a pipe, which message each chat has
on screen (a menu tap edits the message /start sent) and how many calls each method got.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections import Counter
from multiprocessing.connection import Connection
from typing import Any

from tests.fakes.telegram.bot_api_server import FakeBotApiServer


async def _serve(token: str, pipe: Connection) -> None:
    server = FakeBotApiServer(token)
    pipe.send(await server.start())
    loop = asyncio.get_running_loop()
    try:
        while True:
            request = await loop.run_in_executor(None, pipe.recv)
            if request == "stop":
                return
            if request == "screens":
                last: dict[int, int] = {}
                for chat_id, message_id in server.store.messages:
                    last[chat_id] = max(message_id, last.get(chat_id, 0))
                pipe.send(last)
            elif request == "calls":
                pipe.send(Counter(call.method for call in server.calls))
    finally:
        await server.close()


def _main(token: str, pipe: Connection) -> None:
    asyncio.run(_serve(token, pipe))


class BotApiProcess:
    def __init__(self, token: str) -> None:
        context = multiprocessing.get_context("spawn")
        self._pipe, child = context.Pipe()
        self._process = context.Process(target=_main, args=(token, child), daemon=True)
        self.base_url = ""

    def start(self) -> str:
        self._process.start()
        self.base_url = str(self._pipe.recv())
        return self.base_url

    def _ask(self, request: str) -> Any:
        self._pipe.send(request)
        return self._pipe.recv()

    def screens(self) -> dict[int, int]:
        """The id of the newest message in each chat."""
        return dict(self._ask("screens"))

    def calls(self) -> Counter[str]:
        return Counter(self._ask("calls"))

    def stop(self) -> None:
        self._pipe.send("stop")
        self._process.join(timeout=10)
