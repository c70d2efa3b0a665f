"""The aiohttp server for webhooks, health and metrics, run inside the shop's event loop."""

from __future__ import annotations

import structlog
from aiohttp import web

from shop_entrypoints.runner.preflight import StartupError

logger = structlog.get_logger(__name__)


class WebServer:
    def __init__(
        self, app: web.Application, host: str, port: int, *, shutdown_timeout: float
    ) -> None:
        self._runner = web.AppRunner(
            app, handle_signals=False, access_log=None, shutdown_timeout=shutdown_timeout
        )
        self._host = host
        self._port = port
        self._site: web.TCPSite | None = None

    async def start(self) -> None:
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self._host, self._port)
        try:
            await self._site.start()
        except OSError as error:
            msg = f"cannot listen on {self._host}:{self._port} ({error.strerror}):"
            msg += " check SHOP_WEB__HOST and SHOP_WEB__PORT"
            raise StartupError(msg) from None
        logger.info("web_server_started", host=self._host, port=self.port)

    @property
    def port(self) -> int:
        """The bound port (the configured one, or the one the OS chose for port 0)."""
        for address in self._runner.addresses:
            if isinstance(address, tuple):
                return int(address[1])
        return self._port

    async def stop_accepting(self) -> None:
        """Close the listening socket; requests already received still complete."""
        if self._site is not None:
            await self._site.stop()
            self._site = None

    async def close(self) -> None:
        """Wait for in-flight requests (up to the shutdown timeout), then release everything."""
        await self._runner.cleanup()
        logger.info("web_server_stopped")
