"""The HTTP surface of the fake panel: the request pipeline of spec §2, as a bare ASGI app.

Order: proxy check (drop) -> cookie / X-Api-Key gates -> injected faults -> routing (404) ->
Bearer auth (401) and scopes (403) -> validation (400) -> handler (envelope or coded error).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote

import httpx

from tests.fakes.asgi_io import Receive, Scope, Send, read_body
from tests.fakes.remnawave.problems import (
    FORBIDDEN,
    UNAUTHORIZED,
    CodedError,
    ValidationFailed,
    not_found_route,
)
from tests.fakes.remnawave.routes import ROUTES
from tests.fakes.remnawave.routing import Call, Reply, find
from tests.fakes.remnawave.serialise import dumps, iso

if TYPE_CHECKING:
    from tests.fakes.remnawave.panel import FakePanel


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    method: str
    path: str
    query: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    raw_path: str = ""  # as sent, still percent-encoded


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes = b""
    content_type: str | None = "application/json"
    headers: tuple[tuple[str, str], ...] = ()


def _json(status: int, data: object) -> Answer:
    return Answer(status, dumps(data))


def dropped() -> httpx.RemoteProtocolError:
    """What the client sees when the panel destroys the socket without answering."""
    return httpx.RemoteProtocolError("Server disconnected without sending a response")


class PanelApp:
    def __init__(self, panel: FakePanel) -> None:
        self._panel = panel

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        body = await read_body(receive)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        query = scope.get("query_string", b"").decode()
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        request = RecordedRequest(scope["method"], scope["path"], query, headers, body, raw_path)
        self._panel.requests.append(request)
        answer = self._answer(request)
        raw = [(b"content-type", answer.content_type.encode())] if answer.content_type else []
        raw += [(k.lower().encode(), v.encode()) for k, v in answer.headers]
        await send({"type": "http.response.start", "status": answer.status, "headers": raw})
        await send({"type": "http.response.body", "body": answer.body})
        if self._panel.webhook_delivery == "immediate":
            await self._panel.flush_webhooks()

    def _answer(self, request: RecordedRequest) -> Answer:
        panel, headers = self._panel, request.headers
        if panel.require_proxy_headers and not (
            headers.get("x-forwarded-for") and headers.get("x-forwarded-proto") == "https"
        ):
            raise dropped()
        if panel.gate_cookie is not None:
            cookies = SimpleCookie(headers.get("cookie", ""))
            name, value = panel.gate_cookie
            if name not in cookies or cookies[name].value != value:
                raise dropped()
        if panel.gate_api_key is not None and headers.get("x-api-key") != panel.gate_api_key:
            return Answer(401, b"Unauthorized", "text/plain; charset=utf-8")
        fault = panel.faults.take(request.method, request.path)
        if fault is not None:
            if fault.drop:
                raise dropped()
            if fault.error_code is not None:
                return self._coded(CodedError(fault.error_code), request)
            assert fault.status is not None
            extra = (("Retry-After", fault.retry_after),) if fault.retry_after else ()
            page = f"<html><body><h1>{fault.status}</h1></body></html>".encode()
            return Answer(fault.status, page, "text/html", extra)
        return self._route(request)

    def _route(self, request: RecordedRequest) -> Answer:  # noqa: PLR0911 - one per pipeline step
        panel = self._panel
        path = request.path
        found = find(ROUTES, panel.dialect, request.method, path.removeprefix("/api"))
        if not path.startswith("/api/") or found is None:
            return _json(404, not_found_route(request.method, path))
        route, params = found
        if not route.public:
            if request.headers.get("authorization") != f"Bearer {panel.api_token}":
                return _json(401, UNAUTHORIZED)
            if not route.allows(panel.token_scopes):
                return _json(403, FORBIDDEN)
        try:
            body = json.loads(request.body) if request.body else None
        except ValueError:
            return _json(400, {"message": "Unexpected token in JSON", "error": "Bad Request",
                               "statusCode": 400})  # fmt: skip
        query = dict(parse_qsl(request.query, keep_blank_values=True))
        params = {name: unquote(value) for name, value in params.items()}
        try:
            reply = route.handler(Call(panel, request.method, path, params, query, body))
        except ValidationFailed as problem:
            return _json(400, problem.body(panel.dialect))
        except CodedError as problem:
            return self._coded(problem, request)
        return self._reply(reply)

    def _coded(self, problem: CodedError, request: RecordedRequest) -> Answer:
        path = (request.raw_path or request.path) + (f"?{request.query}" if request.query else "")
        return _json(problem.status, problem.body(iso(self._panel.now()) or "", path))

    @staticmethod
    def _reply(reply: Reply) -> Answer:
        if reply.empty:
            return Answer(reply.status, b"", None)
        return _json(reply.status, {"response": reply.payload})
