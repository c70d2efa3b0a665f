import pytest

from shop_adapters.in_process.cache import InMemoryCache
from tests.fakes.manual_clock import ManualClock


async def test_a_value_lives_until_its_ttl_runs_out() -> None:
    clock = ManualClock()
    cache = InMemoryCache(monotonic=clock)
    await cache.set("k", b"v", ttl_seconds=60)

    clock.advance(59.9)
    before = await cache.get("k")
    clock.advance(0.1)
    after = await cache.get("k")

    assert (before, after) == (b"v", None)
    assert len(cache) == 0


async def test_setting_again_replaces_the_value_and_the_ttl() -> None:
    clock = ManualClock()
    cache = InMemoryCache(monotonic=clock)
    await cache.set("k", b"old", ttl_seconds=10)
    clock.advance(9)
    await cache.set("k", b"new", ttl_seconds=10)
    clock.advance(9)

    assert await cache.get("k") == b"new"


async def test_delete_removes_every_key_given_and_ignores_missing_ones() -> None:
    cache = InMemoryCache(monotonic=ManualClock())
    for key in ("a", "b", "c"):
        await cache.set(key, key.encode(), ttl_seconds=10)

    await cache.delete("a", "b", "missing")

    assert [await cache.get(key) for key in ("a", "b", "c")] == [None, None, b"c"]


async def test_the_least_recently_used_entry_goes_first_when_full() -> None:
    cache = InMemoryCache(max_entries=2, monotonic=ManualClock())
    await cache.set("a", b"1", ttl_seconds=10)
    await cache.set("b", b"2", ttl_seconds=10)
    await cache.get("a")  # "b" is now the least recently used

    await cache.set("c", b"3", ttl_seconds=10)

    assert [await cache.get(key) for key in ("a", "b", "c")] == [b"1", None, b"3"]
    assert len(cache) == 2


async def test_a_stored_value_cannot_be_changed_through_the_caller_buffer() -> None:
    cache = InMemoryCache(monotonic=ManualClock())
    buffer = bytearray(b"abc")
    await cache.set("k", buffer, ttl_seconds=10)  # type: ignore[arg-type]  # a bytes-like
    buffer[0] = ord("x")

    assert await cache.get("k") == b"abc"


async def test_a_ttl_below_one_second_is_refused() -> None:
    cache = InMemoryCache()

    with pytest.raises(ValueError, match="ttl_seconds"):
        await cache.set("k", b"v", ttl_seconds=0)


def test_an_empty_cache_is_refused() -> None:
    with pytest.raises(ValueError, match="max_entries"):
        InMemoryCache(max_entries=0)
