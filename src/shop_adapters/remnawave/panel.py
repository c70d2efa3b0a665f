"""`RemnawavePanel`: the `VpnPanel` port on the panel's REST API (3.x first, 2.3-2.8 too).

Give it the shared `httpx.AsyncClient` (see `client.build_panel_client`) or let
`open_remnawave_panel()` own one: that async generator is the container's
`providers.Resource`; it detects the dialect (an unsupported panel stops start-up) and
closes the client on shutdown.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Callable

import httpx

from shop_adapters.remnawave.circuit_breaker import CircuitBreaker
from shop_adapters.remnawave.client import build_panel_client
from shop_adapters.remnawave.config import RemnawaveConfig
from shop_adapters.remnawave.inventory import PanelInventory
from shop_adapters.remnawave.mapping import Now, utc_now
from shop_adapters.remnawave.retrying import DEFAULT_SLEEP, Sleep
from shop_adapters.remnawave.transport import PanelHttp
from shop_adapters.remnawave.users import PanelUsers


class RemnawavePanel(PanelUsers, PanelInventory):
    def __init__(
        self,
        client: httpx.AsyncClient,
        config: RemnawaveConfig,
        *,
        now: Now = utc_now,
        sleep: Sleep = DEFAULT_SLEEP,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.breaker = CircuitBreaker(config.breaker, monotonic)
        super().__init__(PanelHttp(client, config.retry, self.breaker, sleep), config, now)
        self._client = client

    async def aclose(self) -> None:
        await self._client.aclose()


async def open_remnawave_panel(
    config: RemnawaveConfig, client: httpx.AsyncClient | None = None
) -> AsyncGenerator[RemnawavePanel, None]:
    """Yield a started panel; close the client afterwards if this function created it."""
    owned = client is None
    panel = RemnawavePanel(client or build_panel_client(config), config)
    try:
        await panel.start()
        yield panel
    finally:
        if owned:
            await panel.aclose()
