"""X-Forwarded-For is believed only from a trusted proxy: a client that talks to us directly
cannot pretend to be YooKassa by sending the header itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import pytest
from aiohttp import web

from shop_entrypoints.settings.runtime import WebSettings
from shop_entrypoints.webhooks.client_ip import ClientIpResolver

YOOKASSA = "185.71.76.10"


@asynccontextmanager
async def echo_server(resolver: ClientIpResolver) -> AsyncIterator[str]:
    async def whoami(request: web.Request) -> web.Response:
        return web.Response(text=resolver.resolve(request) or "")

    app = web.Application()
    app.router.add_get("/", whoami)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        await runner.cleanup()


async def client_ip(settings: WebSettings, forwarded: str | None) -> str:
    headers = {} if forwarded is None else {"X-Forwarded-For": forwarded}
    async with (
        echo_server(ClientIpResolver(settings.trusted_proxies)) as url,
        aiohttp.ClientSession() as session,
        session.get(url, headers=headers) as response,
    ):
        return await response.text()


async def test_by_default_a_spoofed_header_is_ignored() -> None:
    assert await client_ip(WebSettings(), YOOKASSA) == "127.0.0.1"


async def test_an_untrusted_peer_cannot_spoof_even_when_proxies_are_configured() -> None:
    settings = WebSettings(trusted_proxies="10.0.0.0/8, 192.168.1.1")  # type: ignore[arg-type]
    assert await client_ip(settings, YOOKASSA) == "127.0.0.1"


async def test_a_trusted_proxy_passes_the_real_client_on() -> None:
    settings = WebSettings(trusted_proxies="127.0.0.0/8")  # type: ignore[arg-type]
    assert await client_ip(settings, YOOKASSA) == YOOKASSA
    assert await client_ip(settings, None) == "127.0.0.1"


async def test_a_forged_hop_before_the_real_client_is_skipped() -> None:
    """The client sent `X-Forwarded-For: <YooKassa>`; our proxy appended the real address."""
    settings = WebSettings(trusted_proxies="127.0.0.1/32,10.0.0.0/8")  # type: ignore[arg-type]
    forged_chain = f"{YOOKASSA}, 203.0.113.9, 10.0.0.5"
    assert await client_ip(settings, forged_chain) == "203.0.113.9"


def test_the_setting_rejects_what_is_not_a_network() -> None:
    with pytest.raises(ValueError, match="trusted_proxies"):
        WebSettings(trusted_proxies="10.0.0.0/8, proxy.local")  # type: ignore[arg-type]
