import pytest

from shop_adapters.in_process.rate_limiter import InMemoryRateLimiter, UnlimitedRateLimiter
from shop_domain.ports.rate_limiter import RateDecision
from tests.fakes.manual_clock import ManualClock


def limiter(clock: ManualClock, *, ban_seconds: float = 30) -> InMemoryRateLimiter:
    return InMemoryRateLimiter(
        max_requests=3, window_seconds=10, ban_seconds=ban_seconds, monotonic=clock
    )


async def test_hits_up_to_the_limit_pass_and_the_next_starts_a_ban() -> None:
    clock = ManualClock()
    rate = limiter(clock)

    passed = [await rate.hit("user:1") for _ in range(3)]
    rejected = await rate.hit("user:1")

    assert passed == [RateDecision(allowed=True)] * 3
    assert rejected == RateDecision(allowed=False, retry_after_seconds=30, first_rejection=True)


async def test_only_the_first_rejection_of_a_ban_says_so() -> None:
    clock = ManualClock()
    rate = limiter(clock)
    decisions = [await rate.hit("user:1") for _ in range(20)]

    assert sum(decision.allowed for decision in decisions) == 3
    assert [decision.first_rejection for decision in decisions].count(True) == 1


async def test_the_ban_ends_on_time_with_a_fresh_budget() -> None:
    clock = ManualClock()
    rate = limiter(clock)
    for _ in range(4):
        await rate.hit("user:1")

    clock.advance(29.5)
    still_banned = await rate.hit("user:1")
    clock.advance(0.5)
    after = [await rate.hit("user:1") for _ in range(4)]

    assert still_banned == RateDecision(allowed=False, retry_after_seconds=0.5)
    assert [decision.allowed for decision in after] == [True, True, True, False]
    assert after[-1].first_rejection  # a new ban, a new notice


async def test_a_hit_leaves_the_window_exactly_window_seconds_later() -> None:
    clock = ManualClock()
    rate = limiter(clock, ban_seconds=0)
    await rate.hit("user:1")  # t = 0
    clock.advance(1)
    await rate.hit("user:1")  # t = 1
    await rate.hit("user:1")  # t = 1

    clock.advance(8.999)  # t = 9.999: all three still count
    inside = await rate.hit("user:1")
    clock.advance(0.001)  # t = 10: the first hit has left
    at_edge = await rate.hit("user:1")

    assert not inside.allowed
    assert inside.first_rejection
    assert inside.retry_after_seconds == pytest.approx(0.001)
    assert at_edge.allowed


async def test_keys_have_separate_budgets() -> None:
    rate = limiter(ManualClock())
    for _ in range(4):
        await rate.hit("user:1")

    assert (await rate.hit("user:2")).allowed


async def test_idle_keys_are_forgotten() -> None:
    clock = ManualClock()
    rate = limiter(clock)
    for user in range(50):
        await rate.hit(f"user:{user}")

    clock.advance(10)
    await rate.hit("user:active")

    assert rate.tracked_keys == 1


async def test_a_banned_key_is_kept_until_its_ban_ends() -> None:
    clock = ManualClock()
    rate = limiter(clock)
    for _ in range(4):
        await rate.hit("user:1")

    clock.advance(10)
    await rate.hit("user:2")

    assert rate.tracked_keys == 2
    assert not (await rate.hit("user:1")).allowed


@pytest.mark.parametrize(
    ("max_requests", "window_seconds", "ban_seconds"), [(0, 10, 0), (1, 0, 0), (1, 10, -1)]
)
def test_a_nonsensical_policy_is_refused(
    max_requests: int, window_seconds: float, ban_seconds: float
) -> None:
    with pytest.raises(ValueError, match="max_requests"):
        InMemoryRateLimiter(
            max_requests=max_requests, window_seconds=window_seconds, ban_seconds=ban_seconds
        )


async def test_the_unlimited_limiter_allows_everything() -> None:
    rate = UnlimitedRateLimiter()

    decisions = {await rate.hit("user:1") for _ in range(1_000)}

    assert decisions == {RateDecision(allowed=True)}
