import asyncio

from shop_adapters.jobs.in_process_queue import InProcessJobQueue
from shop_domain.ports.job_queue import JobPayload


async def test_enqueued_job_runs_with_its_payload() -> None:
    seen: list[JobPayload] = []

    async def handler(payload: JobPayload) -> None:
        seen.append(payload)

    queue = InProcessJobQueue({"greet": handler})
    await queue.enqueue("greet", {"job_id": "j1"})
    await queue.drain(grace_seconds=1)
    assert seen == [{"job_id": "j1"}]


async def test_failing_job_is_logged_not_raised() -> None:
    async def broken(payload: JobPayload) -> None:
        raise RuntimeError("boom")

    queue = InProcessJobQueue({"broken": broken})
    await queue.enqueue("broken", {})
    await queue.enqueue("unknown", {})
    await queue.drain(grace_seconds=1)
    assert queue.running == 0


async def test_drain_cancels_jobs_past_the_timeout() -> None:
    started = asyncio.Event()

    async def slow(payload: JobPayload) -> None:
        started.set()
        await asyncio.sleep(30)

    queue = InProcessJobQueue({"slow": slow})
    await queue.enqueue("slow", {})
    await started.wait()
    await queue.drain(grace_seconds=0.05)
    await asyncio.sleep(0)
    assert queue.running == 0
