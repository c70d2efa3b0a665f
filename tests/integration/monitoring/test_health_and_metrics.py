"""/health, /ready and /metrics over real HTTP on loopback, with real database and Redis
probes: a SQLite file that answers, a PostgreSQL port nobody listens on, a live Redis."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families
from redis.asyncio import Redis

from shop_adapters.persistence.engine import create_engine
from shop_entrypoints.composition import health
from shop_entrypoints.monitoring.metrics import ShopMetrics
from shop_entrypoints.monitoring.probes import panel_check
from shop_entrypoints.webhooks.health import HealthCheck, HealthEndpoints
from shop_entrypoints.webhooks.metrics import WebMetrics
from tests.unit.fakes import FakeVpnPanel


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def serve(endpoints: HealthEndpoints, metrics: WebMetrics) -> AsyncIterator[str]:
    app = web.Application(middlewares=[metrics.middleware])
    app.router.add_get("/health", endpoints.on_health)
    app.router.add_get("/ready", endpoints.on_ready)
    app.router.add_get("/metrics", metrics.on_metrics)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def get(url: str) -> tuple[int, dict[str, object] | str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        if response.content_type == "application/json":
            return response.status, await response.json()
        return response.status, await response.text()


async def probe(
    checks: Mapping[str, HealthCheck], path: str = "/ready", **options: object
) -> tuple[int, object]:
    endpoints = HealthEndpoints(checks, **options)  # type: ignore[arg-type]
    async with serve(endpoints, WebMetrics(CollectorRegistry())) as base:
        return await get(base + path)


async def test_health_needs_no_dependency() -> None:
    async def broken() -> None:
        raise ConnectionError

    status, body = await probe({"database": broken}, "/health")
    assert (status, body) == (200, {"status": "ok"})


async def test_ready_with_a_live_sqlite_file_and_redis(tmp_path: Path, redis_url: str) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'shop.sqlite3'}")
    redis = Redis.from_url(redis_url)
    try:
        checks = health.checks(health.database_check(engine), health.redis_check(redis))
        status, body = await probe(checks)
    finally:
        await redis.aclose()
        await engine.dispose()
    assert status == 200
    assert body == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}


async def test_ready_is_503_when_the_database_is_down() -> None:
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{closed_port()}/shop"
    engine = create_engine(url)
    try:
        status, body = await probe({"database": health.database_check(engine)})
    finally:
        await engine.dispose()
    assert status == 503
    assert body == {"status": "unavailable", "checks": {"database": "error"}}


async def test_ready_reports_redis_down_with_a_short_timeout() -> None:
    redis = Redis(host="127.0.0.1", port=closed_port(), socket_connect_timeout=0.5)
    try:
        check = health.redis_check(redis)
        assert check is not None
        started = time.monotonic()
        status, body = await probe({"redis": check}, timeout_seconds=1.0)
        elapsed = time.monotonic() - started
    finally:
        await redis.aclose()
    assert status == 503
    assert isinstance(body, dict)
    assert body["status"] == "unavailable"
    assert body["checks"]["redis"] in {"error", "timeout"}  # redis-py may retry until cut off
    assert elapsed < 2.5


class OpenCircuit:
    state = "open"


async def test_an_unreachable_panel_is_reported_but_not_required() -> None:
    panel = FakeVpnPanel()

    async def database() -> None:
        return None

    checks = {"database": database, "panel": panel_check(panel, OpenCircuit())}
    status, body = await probe(checks, optional=("panel",))

    assert status == 200
    assert body == {
        "status": "degraded",
        "checks": {"database": "ok", "panel": "error"},
        "optional": ["panel"],
    }
    assert panel.calls == []  # an open circuit means no call to the panel at all


@pytest.mark.parametrize("required", [True, False])
async def test_a_slow_check_times_out(required: bool) -> None:
    async def hangs() -> None:
        await asyncio.sleep(30)

    optional = () if required else ("slow",)
    status, body = await probe({"slow": hangs}, timeout_seconds=0.2, optional=optional)
    assert status == (503 if required else 200)
    assert body["checks"] == {"slow": "timeout"}  # type: ignore[index]


async def test_a_probe_storm_runs_each_check_once_per_cache_period() -> None:
    calls = []
    now = [100.0]

    async def counted() -> None:
        calls.append(now[0])

    endpoints = HealthEndpoints({"panel": counted}, cache_seconds=5, monotonic=lambda: now[0])
    async with serve(endpoints, WebMetrics(CollectorRegistry())) as base:
        for _ in range(20):
            assert (await get(base + "/ready"))[0] == 200
        now[0] += 6
        await get(base + "/ready")
    assert len(calls) == 2


async def test_concurrent_probes_share_one_run_even_without_a_cache() -> None:
    runs = []

    async def slow() -> None:
        runs.append(1)
        await asyncio.sleep(0.2)

    endpoints = HealthEndpoints({"database": slow})
    async with serve(endpoints, WebMetrics(CollectorRegistry())) as base:
        statuses = await asyncio.gather(*(get(base + "/ready") for _ in range(50)))
    assert {status for status, _ in statuses} == {200}
    assert len(runs) <= 2  # the first run, and at most one for probes that came during it


async def test_metrics_are_prometheus_text_with_every_series() -> None:
    registry = CollectorRegistry()
    shop = ShopMetrics(registry)
    shop.payment_credited("yookassa", "RUB")
    shop.webhook_rejected("stripe", "notification_untrusted")
    shop.outbox_depth(pending=7, failing=2)
    with shop.time_job("expiry_reminders"):
        pass

    async def ok() -> None:
        return None

    async with serve(HealthEndpoints({"db": ok}), WebMetrics(registry)) as base:
        await get(base + "/ready")
        status, text = await get(base + "/metrics")
    assert status == 200
    assert isinstance(text, str)
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
    assert (
        samples[("shop_payments_credited_total", (("currency", "RUB"), ("provider", "yookassa")))]
        == 1
    )
    assert (
        samples[
            (
                "shop_webhook_rejections_total",
                (("reason", "notification_untrusted"), ("source", "stripe")),
            )
        ]
        == 1
    )
    assert samples[("shop_provisioning_outbox_jobs", (("state", "pending"),))] == 7
    assert (
        samples[("shop_job_seconds_count", (("job", "expiry_reminders"), ("outcome", "ok")))] == 1
    )
    assert samples[("shop_http_requests_total", (("route", "/ready"), ("status", "200")))] == 1
