"""A minimal ASGI base for provider fakes: routes by method and path regex, no framework.

A route handler takes a `FakeRequest` and returns a `FakeResponse`. Requests are recorded in
`requests`, so a test can assert on headers such as an idempotency key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from tests.fakes.asgi_io import Receive, Scope, Send, read_body


@dataclass(frozen=True, slots=True)
class FakeRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    query: dict[str, str]
    body: bytes
    params: dict[str, str] = field(default_factory=dict)  # named groups of the route

    def form(self) -> dict[str, str]:
        return dict(parse_qsl(self.body.decode(), keep_blank_values=True))

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True, slots=True)
class FakeResponse:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, data: object, **headers: str) -> FakeResponse:
        return cls(status, json.dumps(data).encode(), headers=headers)


Handler = Callable[[FakeRequest], FakeResponse]


class FakeProviderApp:
    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self.requests: list[FakeRequest] = []
        self.fail_next: list[int] = []  # statuses to answer the next requests with

    def route(self, method: str, pattern: str, handler: Handler) -> None:
        self._routes.append((method, re.compile(pattern), handler))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "http"
        body = await read_body(receive)
        request = FakeRequest(
            method=scope["method"],
            path=scope["path"],
            headers={k.decode().lower(): v.decode() for k, v in scope["headers"]},
            query=dict(parse_qsl(scope["query_string"].decode(), keep_blank_values=True)),
            body=body,
        )
        self.requests.append(request)
        response = self._dispatch(request)
        headers = [(b"content-type", response.content_type.encode())]
        headers += [(k.lower().encode(), v.encode()) for k, v in response.headers.items()]
        await send({"type": "http.response.start", "status": response.status, "headers": headers})
        await send({"type": "http.response.body", "body": response.body})

    def _dispatch(self, request: FakeRequest) -> FakeResponse:
        if self.fail_next:
            return FakeResponse(self.fail_next.pop(0), b"upstream trouble", "text/plain")
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(request.path)
            if match is not None and method == request.method:
                params = {k: v for k, v in match.groupdict().items() if v is not None}
                return handler(
                    FakeRequest(
                        request.method,
                        request.path,
                        request.headers,
                        request.query,
                        request.body,
                        params,
                    )
                )
        return FakeResponse(404, b"Not Found", "text/plain")
