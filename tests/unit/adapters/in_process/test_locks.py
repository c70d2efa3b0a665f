import pytest
from structlog.testing import capture_logs

from shop_adapters.in_process.locks import InProcessLock
from tests.fakes.manual_clock import ManualClock


async def test_a_held_lock_is_refused_until_released() -> None:
    locks = InProcessLock(monotonic=ManualClock())
    lease = await locks.acquire("checkout:1", ttl_seconds=30)
    assert lease is not None

    refused = await locks.acquire("checkout:1", ttl_seconds=30)
    other = await locks.acquire("checkout:2", ttl_seconds=30)
    await lease.release()
    again = await locks.acquire("checkout:1", ttl_seconds=30)

    assert refused is None
    assert other is not None
    assert again is not None


async def test_the_lease_expires_after_its_ttl() -> None:
    clock = ManualClock()
    locks = InProcessLock(monotonic=clock)
    await locks.acquire("job", ttl_seconds=5)

    clock.advance(4.9)
    before = await locks.acquire("job", ttl_seconds=5)
    clock.advance(0.1)
    after = await locks.acquire("job", ttl_seconds=5)

    assert before is None
    assert after is not None


async def test_an_expired_lease_cannot_release_the_next_holder() -> None:
    clock = ManualClock()
    locks = InProcessLock(monotonic=clock)
    stale = await locks.acquire("job", ttl_seconds=5)
    assert stale is not None
    clock.advance(5)
    current = await locks.acquire("job", ttl_seconds=5)
    assert current is not None

    with capture_logs() as logs:
        await stale.release()

    assert locks.is_held("job")
    assert await locks.acquire("job", ttl_seconds=5) is None
    assert [log["event"] for log in logs] == ["lock_lease_lost_before_release"]


async def test_releasing_twice_is_harmless() -> None:
    locks = InProcessLock(monotonic=ManualClock())
    lease = await locks.acquire("job", ttl_seconds=5)
    assert lease is not None
    await lease.release()
    newer = await locks.acquire("job", ttl_seconds=5)

    with capture_logs() as logs:
        await lease.release()

    assert newer is not None
    assert locks.is_held("job")
    assert logs == []


async def test_a_ttl_must_be_positive() -> None:
    with pytest.raises(ValueError, match="ttl_seconds"):
        await InProcessLock().acquire("job", ttl_seconds=0)
