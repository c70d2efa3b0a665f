import pytest
from prometheus_client import CollectorRegistry
from taskiq import InMemoryBroker

from shop_entrypoints.monitoring.job_metrics import JobMetricsMiddleware
from shop_entrypoints.monitoring.metrics import ShopMetrics


async def test_every_job_run_is_timed_with_its_outcome() -> None:
    registry = CollectorRegistry()
    broker = InMemoryBroker().with_middlewares(JobMetricsMiddleware(ShopMetrics(registry)))

    @broker.task(task_name="send_reminders")
    async def send_reminders() -> int:
        return 3

    @broker.task(task_name="sync_panel")
    async def sync_panel() -> None:
        raise RuntimeError("panel down")

    await broker.startup()
    try:
        for _ in range(2):
            await (await send_reminders.kiq()).wait_result(timeout=5)
        failed = await (await sync_panel.kiq()).wait_result(timeout=5)
    finally:
        await broker.shutdown()

    assert failed.is_err

    def runs(job: str, outcome: str) -> float | None:
        labels = {"job": job, "outcome": outcome}
        return registry.get_sample_value("shop_job_seconds_count", labels)

    assert runs("send_reminders", "ok") == 2
    assert runs("sync_panel", "error") == 1
    assert runs("sync_panel", "ok") is None


def test_time_job_records_failures_and_lets_them_through() -> None:
    registry = CollectorRegistry()
    metrics = ShopMetrics(registry)
    with pytest.raises(ValueError, match="boom"), metrics.time_job("broadcast"):
        raise ValueError("boom")
    labels = {"job": "broadcast", "outcome": "error"}
    assert registry.get_sample_value("shop_job_seconds_count", labels) == 1
