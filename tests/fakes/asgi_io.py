"""The bare ASGI plumbing the in-process HTTP fakes share (the panel's and the providers').

The fakes are plain ASGI callables, served by `httpx.ASGITransport` or `LoopbackAsgiServer`;
`read_body` collects the request body however many `http.request` messages carry it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


async def read_body(receive: Receive) -> bytes:
    body = b""
    while True:
        message = await receive()
        chunk: bytes = message.get("body", b"")
        body += chunk
        if not message.get("more_body"):
            return body
