"""Read a webhook's raw bytes with a size cap; the bytes are what providers sign."""

from __future__ import annotations

from aiohttp import web

MAX_WEBHOOK_BODY = 256 * 1024


class BodyTooLargeError(Exception):
    """The request body is larger than any provider sends."""


async def read_capped_body(request: web.Request, limit: int = MAX_WEBHOOK_BODY) -> bytes:
    if request.content_length is not None and request.content_length > limit:
        raise BodyTooLargeError
    body = bytearray()
    async for chunk in request.content.iter_chunked(16 * 1024):
        body += chunk
        if len(body) > limit:
            raise BodyTooLargeError
    return bytes(body)


def json_error(status: int, code: str) -> web.Response:
    return web.json_response({"ok": False, "error": code}, status=status)
