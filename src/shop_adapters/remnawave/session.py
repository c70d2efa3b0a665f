"""What every group of panel operations shares: the HTTP pipeline, the dialect, the clock."""

from __future__ import annotations

import asyncio
from typing import Any

from shop_adapters.remnawave.config import RemnawaveConfig
from shop_adapters.remnawave.dialect import PanelDialect, detect_dialect
from shop_adapters.remnawave.mapping import Now, to_panel_user
from shop_adapters.remnawave.schemas import UserPayload, parse
from shop_adapters.remnawave.transport import PanelHttp
from shop_domain.ports.vpn_panel import PanelUser


class PanelSession:
    def __init__(self, http: PanelHttp, config: RemnawaveConfig, now: Now) -> None:
        self._http = http
        self._config = config
        self._now = now
        self._detected: PanelDialect | None = None
        self._detecting = asyncio.Lock()

    async def start(self) -> PanelDialect:
        """Detect (or take the pinned) API dialect; an unsupported panel raises
        `VpnPanelUnsupportedError`, which stops start-up."""
        return await self._dialect()

    async def _dialect(self) -> PanelDialect:
        if self._detected is None:
            async with self._detecting:
                if self._detected is None:
                    self._detected = await detect_dialect(self._http, self._config.api_version)
        return self._detected

    async def _user_call(
        self, operation: str, method: str, path: str, *, idempotent: bool, **options: Any
    ) -> PanelUser:
        dialect = await self._dialect()
        payload = await self._http.call(operation, method, path, idempotent=idempotent, **options)
        return to_panel_user(parse(UserPayload, payload, operation), dialect)
