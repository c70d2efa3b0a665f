"""FakeBotApiServer: a Telegram Bot API on 127.0.0.1 for process tests.

Routes are Telegram's: `/bot<token>/<method>` (GET or POST; query string, form, multipart or
JSON). A wrong token gets 401, an unknown method 404, both in Telegram's envelope
`{"ok": false, "error_code": ..., "description": ...}`. `getUpdates` long-polls with Telegram's
offset rule: asking for offset N confirms, and forgets, every update below N. While a webhook
is set, `getUpdates` answers 409. Tests queue errors (429 with `parameters.retry_after`) or
delays per method, push updates, and read the calls the bot made.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.telegram.bot_api_errors import (
    NOT_FOUND,
    UNAUTHORIZED,
    WEBHOOK_CONFLICT,
    BotApiError,
    ok,
)
from tests.fakes.telegram.bot_api_methods import MessageStore, Params, int_param, json_param
from tests.fakes.telegram.session import BOT_USER

MAX_POLL_TIMEOUT = 50
Method = Callable[[Params, bool], Any]


@dataclass(frozen=True, slots=True)
class ApiCall:
    method: str
    params: Mapping[str, Any]
    has_file: bool = False


class FakeBotApiServer:
    def __init__(self, token: str, bot_user: Mapping[str, Any] = BOT_USER) -> None:
        self.token = token
        # Telegram's bot id is the token's number, whatever else getMe says.
        self.bot_user = {**bot_user, "id": int(token.split(":", 1)[0])}
        self.store = MessageStore(self.bot_user)
        self.calls: list[ApiCall] = []
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._new_update = asyncio.Condition()
        self._activity = asyncio.Condition()
        self._errors: dict[str, list[BotApiError]] = {}
        self._delays: dict[str, list[float]] = {}
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self._methods: dict[str, Method] = {
            "getme": lambda p, f: dict(self.bot_user),
            "sendmessage": lambda p, f: self.store.send_message(p),
            "sendphoto": self.store.send_photo,
            "editmessagetext": lambda p, f: self.store.edit_text(p),
            "deletemessage": lambda p, f: self.store.delete(p),
            "answercallbackquery": lambda p, f: True,
            "answerinlinequery": lambda p, f: True,
            "setmycommands": lambda p, f: True,
            "setwebhook": lambda p, f: self._set_webhook(p),
            "deletewebhook": lambda p, f: self._delete_webhook(p),
            "getwebhookinfo": lambda p, f: self._webhook_info(),
            "getchatmember": lambda p, f: self._chat_member(p),
            "close": lambda p, f: True,
        }

    # --- control API for tests -------------------------------------------------------------
    async def start(self) -> str:
        app = web.Application(client_max_size=50 * 1024**2)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self.base_url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def push_update(self, **update: Any) -> int:
        """Queue an update (`message=...`, `callback_query=...`); returns its update_id."""
        update_id = self._next_update_id
        self._next_update_id += 1
        self._updates.append({"update_id": update_id, **update})
        async with self._new_update:
            self._new_update.notify_all()
        return update_id

    def fail_next(self, method: str, status: int, description: str, **parameters: Any) -> None:
        """The next call of `method` fails, e.g. `fail_next("sendMessage", 429,
        "Too Many Requests: retry after 3", retry_after=3)`."""
        error = BotApiError(status, description, **parameters)
        self._errors.setdefault(method.lower(), []).append(error)

    def delay_next(self, method: str, seconds: float) -> None:
        """The next call of `method` is answered only after `seconds` (a slow network)."""
        self._delays.setdefault(method.lower(), []).append(seconds)

    def calls_of(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method.lower()]

    def sent_texts(self, chat_id: int) -> list[str]:
        """Texts and captions of the messages the bot has on screen in a chat, oldest first."""
        return [m.text or m.caption or "" for m in self.store.in_chat(chat_id)]

    async def wait_for(self, predicate: Callable[[], bool]) -> None:
        """Until `predicate()` holds, re-checked after every call; wrap in asyncio.timeout."""
        async with self._activity:
            await self._activity.wait_for(predicate)

    @property
    def pending_updates(self) -> int:
        return len(self._updates)

    # --- HTTP ------------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return BotApiError(*UNAUTHORIZED).response()
        name = request.match_info["method"].lower()
        try:
            params, has_file = await _read_params(request)
            self.calls.append(ApiCall(name, params, has_file))
            await self._notify_activity()
            return ok(await self._answer(name, params, has_file))
        except BotApiError as error:
            return error.response()
        finally:
            await self._notify_activity()

    async def _answer(self, name: str, params: Params, has_file: bool) -> Any:
        delays = self._delays.get(name)
        if delays:
            await asyncio.sleep(delays.pop(0))
        errors = self._errors.get(name)
        if errors:
            raise errors.pop(0)
        if name == "getupdates":
            return await self._get_updates(params)
        method = self._methods.get(name)
        if method is None:
            raise BotApiError(*NOT_FOUND)
        return method(params, has_file)

    async def _notify_activity(self) -> None:
        async with self._activity:
            self._activity.notify_all()

    async def _get_updates(self, params: Params) -> list[dict[str, Any]]:
        if self.webhook_url:
            raise BotApiError(*WEBHOOK_CONFLICT)
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = min(max(int(params.get("timeout") or 0), 0), MAX_POLL_TIMEOUT)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout:
            async with self._new_update:
                await _wait(self._new_update.wait(), timeout)
        return self._updates[:limit]

    def _set_webhook(self, params: Params) -> bool:
        url = str(params.get("url") or "")
        if url and not url.startswith("https://"):
            raise BotApiError.bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook_url = url
        self.webhook_secret = params.get("secret_token") or None
        if str(params.get("drop_pending_updates")).lower() == "true":
            self._updates.clear()
        return True

    def _delete_webhook(self, params: Params) -> bool:
        self.webhook_url, self.webhook_secret = "", None
        if str(params.get("drop_pending_updates")).lower() == "true":
            self._updates.clear()
        return True

    def _webhook_info(self) -> dict[str, Any]:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _chat_member(self, params: Params) -> dict[str, Any]:
        user_id = int_param(params, "user_id")
        int_param(params, "chat_id")
        return {"status": "member", "user": {"id": user_id, "is_bot": False, "first_name": "U"}}


async def _wait(waiter: Awaitable[object], seconds: float) -> None:
    try:
        async with asyncio.timeout(seconds):
            await waiter
    except TimeoutError:
        return


async def _read_params(request: web.Request) -> tuple[dict[str, Any], bool]:
    params: dict[str, Any] = dict(request.query)
    has_file = False
    if request.content_type == "application/json":
        body = await request.read()
        if body:
            params.update(json.loads(body))
    elif request.method == "POST" and request.can_read_body:
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                has_file = True
                params[name] = f"<file {value.filename}>"
            else:
                params[name] = value
    if "reply_markup" in params and not isinstance(params["reply_markup"], str):
        params["reply_markup"] = json.dumps(params["reply_markup"])
    json_param(params, "reply_markup")  # malformed JSON is a 400, as Telegram says
    return params, has_file
