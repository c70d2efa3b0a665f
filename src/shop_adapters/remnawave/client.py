"""The one shared `httpx.AsyncClient` and the headers every panel request carries.

- `Authorization: Bearer <token>` (an API token; admin login JWTs are refused by the panel).
- `X-Forwarded-For` / `X-Forwarded-Proto: https` whenever the URL is plain `http://`: without
  them the panel closes the socket without answering (its reverse-proxy check).
- The optional gate cookie (`Cookie: NAME=VALUE`) and portal key (`X-Api-Key`).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import httpx

from shop_adapters.remnawave.config import RemnawaveConfig

USER_AGENT = "remnawave-shop"
PROXY_BYPASS_HEADERS = {"X-Forwarded-For": "127.0.0.1", "X-Forwarded-Proto": "https"}


def panel_headers(config: RemnawaveConfig) -> dict[str, str]:
    headers = {
        "Authorization": f"Bearer {config.api_token}",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
    }
    if config.is_plain_http:
        headers.update(PROXY_BYPASS_HEADERS)
    if config.cookie is not None:
        name, value = config.cookie
        headers["Cookie"] = f"{name}={value}"
    if config.api_key is not None:
        headers["X-Api-Key"] = config.api_key
    return headers


def build_panel_client(
    config: RemnawaveConfig, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """A client bound to the panel's `/api` base with timeouts and a bounded pool.

    `transport` lets tests serve an in-process fake (`httpx.ASGITransport`).
    """
    timeout = httpx.Timeout(config.timeout_seconds, connect=min(config.timeout_seconds, 5.0))
    limits = httpx.Limits(
        max_connections=config.max_connections,
        max_keepalive_connections=config.max_connections,
    )
    return httpx.AsyncClient(
        base_url=config.api_base_url,
        headers=panel_headers(config),
        timeout=timeout,
        limits=limits,
        transport=transport,
        follow_redirects=False,
    )


async def open_panel_client(config: RemnawaveConfig) -> AsyncGenerator[httpx.AsyncClient, None]:
    """The container's `providers.Resource`: yields the shared client, closes it on shutdown."""
    async with build_panel_client(config) as client:
        yield client
