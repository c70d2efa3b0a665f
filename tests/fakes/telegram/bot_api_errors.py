"""Telegram's error envelope, as the Bot API answers it (status code = error_code)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

UNAUTHORIZED = (401, "Unauthorized")
NOT_FOUND = (404, "Not Found")
WEBHOOK_CONFLICT = (
    409,
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first",
)
POLLING_CONFLICT = (
    409,
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
)


class BotApiError(Exception):
    """Raised by a fake method; the server turns it into the error envelope."""

    def __init__(self, status: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    @classmethod
    def bad_request(cls, what: str) -> BotApiError:
        return cls(400, f"Bad Request: {what}")

    def response(self) -> web.Response:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return web.json_response(body, status=self.status)


def ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})
