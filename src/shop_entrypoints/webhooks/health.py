"""GET /health (the process is up; touches nothing) and GET /ready (its dependencies answer).

Each readiness check is a small awaitable that raises or times out when its dependency is
down. Checks run concurrently, each under a short timeout, and the report is reused for
`cache_seconds`: a storm of probes (a load balancer, several Prometheus servers) checks the
database and the panel once, not once per probe. An optional check is reported but never
turns the answer into a 503.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Collection, Mapping
from typing import Any

import structlog
from aiohttp import web

logger = structlog.get_logger(__name__)

HealthCheck = Callable[[], Awaitable[object]]
CHECK_TIMEOUT_SECONDS = 3.0
Report = tuple[bool, dict[str, Any]]


class HealthEndpoints:
    def __init__(
        self,
        checks: Mapping[str, HealthCheck],
        *,
        optional: Collection[str] = (),
        timeout_seconds: float = CHECK_TIMEOUT_SECONDS,
        cache_seconds: float = 0.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._checks = dict(checks)
        self._optional = frozenset(optional) & set(self._checks)
        self._timeout = timeout_seconds
        self._cache_seconds = cache_seconds
        self._monotonic = monotonic
        self._lock = asyncio.Lock()
        self._cached: tuple[float, Report] | None = None

    async def on_health(self, request: web.Request) -> web.StreamResponse:
        return web.json_response({"status": "ok"})

    async def on_ready(self, request: web.Request) -> web.StreamResponse:
        healthy, body = await self.report()
        return web.json_response(body, status=200 if healthy else 503)

    async def report(self) -> Report:
        """(ready, body); concurrent callers wait for one run instead of starting their own."""
        arrived = self._monotonic()
        async with self._lock:
            if self._cached is not None:
                started, report = self._cached
                # A run that began after this probe arrived is as fresh as a new one.
                if started > arrived or self._monotonic() - started < self._cache_seconds:
                    return report
            started = self._monotonic()
            report = await self._run_all()
            self._cached = (started, report)
            return report

    async def _run_all(self) -> Report:
        results = await asyncio.gather(*(self._run(name, c) for name, c in self._checks.items()))
        statuses = dict(zip(self._checks, results, strict=True))
        required_ok = all(s == "ok" for n, s in statuses.items() if n not in self._optional)
        everything_ok = all(s == "ok" for s in statuses.values())
        status = "ok" if everything_ok else ("degraded" if required_ok else "unavailable")
        body: dict[str, Any] = {"status": status, "checks": statuses}
        if self._optional:
            body["optional"] = sorted(self._optional)
        return required_ok, body

    async def _run(self, name: str, check: HealthCheck) -> str:
        try:
            async with asyncio.timeout(self._timeout):
                await check()
        except TimeoutError:
            logger.warning("health_check_timed_out", check=name, timeout_s=self._timeout)
            return "timeout"
        except Exception as error:  # a health probe reports, it never raises
            logger.warning("health_check_failed", check=name, error=type(error).__name__)
            return "error"
        return "ok"
