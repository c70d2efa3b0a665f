"""An httpx client wired to a `FakePanel` in process, sending what a reverse proxy would add."""

from __future__ import annotations

import httpx

from tests.fakes.remnawave.panel import FakePanel

PROXY_HEADERS = {"X-Forwarded-For": "127.0.0.1", "X-Forwarded-Proto": "https"}


def panel_client(
    panel: FakePanel,
    *,
    token: str | None = "test-token",  # noqa: S107 - the fake's default token
    proxy_headers: bool = True,
) -> httpx.AsyncClient:
    headers = dict(PROXY_HEADERS) if proxy_headers else {}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=panel.app), base_url="http://panel.test", headers=headers
    )
