"""Serve an in-process ASGI fake (the Remnawave FakePanel) on 127.0.0.1 over real HTTP, so a
subprocess can reach it. An app that raises (the panel's "drop the socket" behaviour) gets
its connection closed without an answer, as the real server does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from aiohttp import web

Scope = MutableMapping[str, Any]
AsgiMessage = MutableMapping[str, Any]
AsgiApp = Callable[
    [Scope, Callable[[], Awaitable[AsgiMessage]], Callable[[AsgiMessage], Awaitable[None]]],
    Awaitable[None],
]


class LoopbackAsgiServer:
    def __init__(self, app: AsgiApp) -> None:
        self._app = app
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> str:
        app = web.Application(client_max_size=10 * 1024**2)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self.base_url

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        sent_body = False
        start: AsgiMessage = {}
        chunks: list[bytes] = []

        async def receive() -> AsgiMessage:
            nonlocal sent_body
            if sent_body:
                return {"type": "http.disconnect"}
            sent_body = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: AsgiMessage) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        try:
            await self._app(_scope(request), receive, send)
        except Exception:  # the fake dropped the connection on purpose
            if request.transport is not None:
                request.transport.close()
            raise web.HTTPServiceUnavailable from None
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in start["headers"]]
        response = web.Response(status=start["status"], body=b"".join(chunks))
        for name, value in headers:
            response.headers.add(name, value)
        return response


def _scope(request: web.Request) -> Scope:
    host, port = request.transport.get_extra_info("sockname")[:2] if request.transport else ("", 0)
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request.method,
        "scheme": "http",
        "path": request.path,
        "raw_path": request.raw_path.split("?", 1)[0].encode(),
        "query_string": request.query_string.encode(),
        "root_path": "",
        "headers": [(k.lower(), v) for k, v in request.raw_headers],
        "client": (request.remote or "", 0),
        "server": (host, port),
    }
