"""The job engine resource: taskiq in this process, or on Redis streams with Redis configured."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any

from pydantic import SecretStr

from shop_adapters.jobs.engine import JobEngine, JobEngineConfig, build_job_engine
from shop_domain.ports.locks import DistributedLock


def engine_config(redis_url: SecretStr | None, jobs: Mapping[str, Any]) -> JobEngineConfig:
    return JobEngineConfig(
        redis_url=None if redis_url is None else redis_url.get_secret_value(),
        retry_attempts=jobs["retry_attempts"],
        retry_base_delay_seconds=jobs["retry_base_delay_seconds"],
        retry_max_delay_seconds=jobs["retry_max_delay_seconds"],
        redelivery_idle_seconds=jobs["redelivery_idle_seconds"],
    )


async def open_job_engine(
    config: JobEngineConfig, locks: DistributedLock
) -> AsyncIterator[JobEngine]:
    engine = build_job_engine(config, locks)
    try:
        yield engine
    finally:
        await engine.shutdown()
