"""The readiness probes GET /ready runs: each raises (or times out) when its dependency is down."""

from __future__ import annotations

from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.redis.client import is_healthy
from shop_adapters.remnawave.circuit_breaker import CircuitBreaker
from shop_entrypoints.monitoring.probes import Circuit
from shop_entrypoints.webhooks.health import HealthCheck


def database_check(engine: AsyncEngine) -> HealthCheck:
    async def check() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    return check


def redis_check(redis: Redis | None) -> HealthCheck | None:
    if redis is None:
        return None

    async def check() -> None:
        if not await is_healthy(redis):
            raise ConnectionError("redis did not answer PING")

    return check


def panel_circuit(panel: object) -> Circuit | None:
    """The Remnawave adapter's circuit breaker, when the panel adapter has one."""
    breaker = getattr(panel, "breaker", None)
    return breaker if isinstance(breaker, CircuitBreaker) else None


def checks(
    database: HealthCheck, redis: HealthCheck | None, panel: HealthCheck | None = None
) -> dict[str, HealthCheck]:
    found = {"database": database, "redis": redis, "panel": panel}
    return {name: check for name, check in found.items() if check is not None}


def optional_checks(panel_required: bool) -> tuple[str, ...]:
    return () if panel_required else ("panel",)
