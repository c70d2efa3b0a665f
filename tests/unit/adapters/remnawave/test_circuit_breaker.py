"""The breaker's state machine: closed -> open after N failures -> half-open -> closed/open."""

from __future__ import annotations

from shop_adapters.remnawave.circuit_breaker import BreakerState, CircuitBreaker
from shop_adapters.remnawave.config import BreakerPolicy


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _breaker(threshold: int = 3, cooldown: float = 10.0) -> tuple[CircuitBreaker, _Clock]:
    clock = _Clock()
    return CircuitBreaker(BreakerPolicy(threshold, cooldown), clock), clock


def test_it_opens_after_the_threshold_of_consecutive_failures() -> None:
    breaker, _ = _breaker(threshold=3)
    for _ in range(2):
        assert not breaker.record_failure()
        assert breaker.allow()

    opened = breaker.record_failure()

    assert opened
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allow()


def test_a_success_resets_the_count() -> None:
    breaker, _ = _breaker(threshold=2)
    breaker.record_failure()
    breaker.record_success()
    breaker.record_failure()

    assert breaker.state is BreakerState.CLOSED


def test_after_the_cooldown_exactly_one_trial_goes_through() -> None:
    breaker, clock = _breaker(threshold=1, cooldown=10.0)
    breaker.record_failure()
    clock.now += 9.9
    assert not breaker.allow()

    clock.now += 0.1

    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.allow()
    assert not breaker.allow()  # a second caller while the trial is in flight


def test_a_successful_trial_closes_the_circuit() -> None:
    breaker, clock = _breaker(threshold=1)
    breaker.record_failure()
    clock.now += 10
    assert breaker.allow()

    recovered = breaker.record_success()

    assert recovered
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow()
    assert not breaker.record_success()  # already closed: nothing to announce


def test_a_failed_trial_opens_it_for_another_cooldown() -> None:
    breaker, clock = _breaker(threshold=2, cooldown=10.0)
    breaker.record_failure()
    breaker.record_failure()
    clock.now += 10
    assert breaker.allow()

    assert breaker.record_failure()  # one failure is enough in half-open

    assert breaker.state is BreakerState.OPEN
    clock.now += 9
    assert not breaker.allow()
    clock.now += 1
    assert breaker.allow()


def test_a_released_trial_frees_the_slot() -> None:
    breaker, clock = _breaker(threshold=1)
    breaker.record_failure()
    clock.now += 10
    assert breaker.allow()

    breaker.release()

    assert breaker.allow()
