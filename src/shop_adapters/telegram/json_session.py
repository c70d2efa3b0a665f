"""JsonBodySession: aiogram's aiohttp session, sending each Bot API call as one JSON body.

aiogram posts a urlencoded form by default: every object field (the keyboard) is dumped to
JSON text and then percent-encoded, byte by byte, which for Russian texts and emoji buttons is
the most expensive step of a call. The Bot API takes `application/json` bodies for every
method that uploads no file, so those calls are dumped once (orjson) and posted as they are.
Calls with a file fall back to aiogram's multipart form.

Answers: aiogram builds the generic `Response[T]` model anew for every call (pydantic's
`__class_getitem__`, a quarter of a millisecond each time). A successful answer is read with
a `Response[T]` built once per result type; anything else (an error, a body that does not
parse) takes aiogram's own path, which raises its usual exceptions.
"""

from __future__ import annotations

from functools import cache
from http import HTTPStatus
from typing import Any, cast

import orjson
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiohttp import ClientError
from pydantic import ValidationError

JSON_HEADERS = {"Content-Type": "application/json"}


def _dumps(value: object) -> str:
    return orjson.dumps(value).decode()


@cache
def _response_type(returning: Any) -> type[Response[Any]]:
    return Response[returning]


class JsonBodySession(AiohttpSession):
    def __init__(self, api: TelegramAPIServer = PRODUCTION, **kwargs: Any) -> None:
        super().__init__(api=api, json_loads=orjson.loads, json_dumps=_dumps, **kwargs)

    def build_json_body(self, bot: Bot, method: TelegramMethod[TelegramType]) -> tuple[bytes, bool]:
        """The body, and whether the call carries a file (then it must go as multipart)."""
        files: dict[str, Any] = {}
        payload: dict[str, Any] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self._prepare(value, bot, files)
            if prepared is None or prepared == "":  # what aiogram's form leaves out
                continue
            payload[key] = prepared
        return orjson.dumps(payload), bool(files)

    def _prepare(self, value: Any, bot: Bot, files: dict[str, Any]) -> Any:
        """aiogram's `prepare_value` without JSON text, walking plain JSON values itself
        (a keyboard is a few hundred of them) and leaving the rest (defaults, files, dates,
        enums) to aiogram. Like aiogram, it drops None from objects and lists."""
        if value is None or isinstance(value, str | int | float):
            return value
        if isinstance(value, dict):
            return {
                key: prepared
                for key, item in value.items()
                if (prepared := self._prepare(item, bot, files)) is not None
            }
        if isinstance(value, list):
            return [p for item in value if (p := self._prepare(item, bot, files)) is not None]
        return self.prepare_value(value, bot=bot, files=files, _dumps_json=False)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - BaseSession's signature
    ) -> TelegramType:
        body, has_files = self.build_json_body(bot, method)
        if has_files:
            return await super().make_request(bot, method, timeout)
        session = await self.create_session()
        url = self.api.api_url(token=bot.token, method=method.__api_method__)
        try:
            async with session.post(
                url,
                data=body,
                headers=JSON_HEADERS,
                timeout=self.timeout if timeout is None else timeout,  # type: ignore[arg-type]
            ) as response:
                raw_result = await response.text()
        except TimeoutError as error:
            raise TelegramNetworkError(method=method, message="Request timeout error") from error
        except ClientError as error:
            message = f"{type(error).__name__}: {error}"
            raise TelegramNetworkError(method=method, message=message) from error
        result = self.check_response(
            bot=bot, method=method, status_code=response.status, content=raw_result
        )
        return cast(TelegramType, result.result)

    def check_response(
        self, bot: Bot, method: TelegramMethod[TelegramType], status_code: int, content: str
    ) -> Response[TelegramType]:
        if HTTPStatus.OK <= status_code <= HTTPStatus.IM_USED:
            try:
                data = orjson.loads(content)
                answer = _response_type(method.__returning__).model_validate(
                    data, context={"bot": bot}
                )
            except (orjson.JSONDecodeError, ValidationError):
                pass  # aiogram's path below raises its ClientDecodeError
            else:
                if answer.ok:
                    return cast(Response[TelegramType], answer)
        return super().check_response(bot, method, status_code, content)
