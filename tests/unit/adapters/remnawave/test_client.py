"""Header rules and the base URL: what every request to the panel carries."""

from __future__ import annotations

import httpx
import pytest

from shop_adapters.remnawave.client import build_panel_client, panel_headers
from shop_adapters.remnawave.config import RemnawaveConfig


def _config(
    url: str = "https://panel.example.com",
    *,
    cookie: tuple[str, str] | None = None,
    api_key: str | None = None,
) -> RemnawaveConfig:
    return RemnawaveConfig(url=url, api_token="tok-123", cookie=cookie, api_key=api_key)  # noqa: S106


def test_an_https_url_sends_only_the_bearer_token() -> None:
    headers = panel_headers(_config())

    assert headers["Authorization"] == "Bearer tok-123"
    assert "X-Forwarded-For" not in headers
    assert "X-Forwarded-Proto" not in headers
    assert "Cookie" not in headers
    assert "X-Api-Key" not in headers


@pytest.mark.parametrize("url", ["http://remnawave:3000", "HTTP://10.0.0.2:3000/api"])
def test_a_plain_http_url_adds_the_reverse_proxy_headers(url: str) -> None:
    headers = panel_headers(_config(url))

    assert headers["X-Forwarded-For"] == "127.0.0.1"
    assert headers["X-Forwarded-Proto"] == "https"


def test_the_gate_cookie_and_portal_key_are_sent_when_configured() -> None:
    headers = panel_headers(_config(cookie=("caddy", "s3cret"), api_key="Basic dXNlcjpwYXNz"))

    assert headers["Cookie"] == "caddy=s3cret"
    assert headers["X-Api-Key"] == "Basic dXNlcjpwYXNz"


def test_secrets_stay_out_of_the_config_repr() -> None:
    text = repr(_config(cookie=("caddy", "s3cret"), api_key="portal-key"))

    assert "tok-123" not in text
    assert "s3cret" not in text
    assert "portal-key" not in text


@pytest.mark.parametrize(
    "url",
    ["https://panel.example.com", "https://panel.example.com/", "https://panel.example.com/api",
     "https://panel.example.com/api/"],
)  # fmt: skip
async def test_paths_land_under_exactly_one_api_prefix(url: str) -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"response": {}})

    async with build_panel_client(_config(url), httpx.MockTransport(handle)) as client:
        await client.get("/users/7")

    assert str(seen[0].url) == "https://panel.example.com/api/users/7"
    assert seen[0].headers["Authorization"] == "Bearer tok-123"


async def test_a_sub_path_install_keeps_its_prefix() -> None:
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"response": {}})

    config = _config("http://gw.local/remnawave/")
    async with build_panel_client(config, httpx.MockTransport(handle)) as client:
        response = await client.get("/system/metadata")

    assert seen == ["http://gw.local/remnawave/api/system/metadata"]
    assert response.request.headers["X-Forwarded-Proto"] == "https"
