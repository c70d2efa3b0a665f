"""FakeBotApiServer with Telegram's broadcast quirks: a 429 `retry_after` on every Nth send
and 403 "bot was blocked by the user" for chosen chats."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tests.fakes.telegram.bot_api_errors import BotApiError
from tests.fakes.telegram.bot_api_methods import Params
from tests.fakes.telegram.bot_api_server import FakeBotApiServer

SENDS = frozenset({"sendmessage", "sendphoto", "sendvideo"})


class FlakyBotApiServer(FakeBotApiServer):
    def __init__(self, token: str, *, throttle_every: int = 0, retry_after: int = 1) -> None:
        super().__init__(token)
        self.throttle_every = throttle_every
        self.retry_after = retry_after
        self.blocked: set[int] = set()
        self.delivered: Counter[int] = Counter()  # chat id -> messages it really got
        self.throttled = 0
        self._attempts = 0

    async def _answer(self, name: str, params: Params, has_file: bool) -> Any:
        if name not in SENDS:
            return await super()._answer(name, params, has_file)
        self._attempts += 1
        if self.throttle_every and self._attempts % self.throttle_every == 0:
            self.throttled += 1
            raise BotApiError(
                429,
                f"Too Many Requests: retry after {self.retry_after}",
                retry_after=self.retry_after,
            )
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            raise BotApiError(403, "Forbidden: bot was blocked by the user")
        result = await super()._answer(name, params, has_file)
        self.delivered[chat_id] += 1
        return result
