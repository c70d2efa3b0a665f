"""Count and time every update: handled, unhandled, throttled or failed.

Two middlewares work as a pair. `UpdateMetricsMiddleware` sits outside the throttle and times
the whole update; `PassedThrottleMarker` sits right after the throttle and marks the update
as let through. An update that comes back without the mark and without an error was
throttled (the throttle answers it without calling the rest of the chain).
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from aiogram import BaseMiddleware
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject, Update

from shop_entrypoints.telegram.middlewares.log_context import Handler

PASSED_THROTTLE = "metrics_passed_throttle"


class UpdateRecorder(Protocol):
    def update_handled(self, update_type: str, outcome: str, seconds: float) -> None: ...


def _outcome(result: Any, data: dict[str, Any]) -> str:
    if not data.get(PASSED_THROTTLE):
        return "throttled"
    return "unhandled" if result is UNHANDLED else "handled"


class UpdateMetricsMiddleware(BaseMiddleware):
    def __init__(self, recorder: UpdateRecorder) -> None:
        self._recorder = recorder

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        update_type = event.event_type
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await handler(event, data)
            outcome = _outcome(result, data)
            return result
        finally:
            self._recorder.update_handled(update_type, outcome, time.perf_counter() - started)


class PassedThrottleMarker(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        data[PASSED_THROTTLE] = True
        return await handler(event, data)
