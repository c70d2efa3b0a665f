"""GET /health (the process is up) and GET /ready (its dependencies answer)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping

import structlog
from aiohttp import web

logger = structlog.get_logger(__name__)

HealthCheck = Callable[[], Awaitable[object]]
CHECK_TIMEOUT_SECONDS = 3.0


class HealthEndpoints:
    def __init__(self, checks: Mapping[str, HealthCheck]) -> None:
        self._checks = dict(checks)

    async def on_health(self, request: web.Request) -> web.StreamResponse:
        return web.json_response({"status": "ok"})

    async def on_ready(self, request: web.Request) -> web.StreamResponse:
        results = await asyncio.gather(*(self._run(check) for check in self._checks.values()))
        report = dict(zip(self._checks, results, strict=True))
        healthy = all(result == "ok" for result in results)
        return web.json_response(
            {"status": "ok" if healthy else "degraded", "checks": report},
            status=200 if healthy else 503,
        )

    @staticmethod
    async def _run(check: HealthCheck) -> str:
        try:
            async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
                await check()
        except TimeoutError:
            return "timeout"
        except Exception as error:  # a health probe reports, it never raises
            logger.warning("health_check_failed", error=type(error).__name__)
            return "error"
        return "ok"
