"""A small circuit breaker: a dead panel answers fast instead of eating every timeout.

CLOSED counts consecutive failed calls; at `failure_threshold` it turns OPEN and refuses
calls for `cooldown_seconds`. Then it is HALF_OPEN: one trial call goes through; success
closes the circuit, failure opens it for another cool-down. Calls that arrive while the
trial is in flight are refused too.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

from shop_adapters.remnawave.config import BreakerPolicy


class BreakerState(enum.StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    def __init__(self, policy: BreakerPolicy, clock: Callable[[], float] = time.monotonic) -> None:
        self._policy = policy
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_in_flight = False

    @property
    def state(self) -> BreakerState:
        if self._opened_at is None:
            return BreakerState.CLOSED
        if self._clock() - self._opened_at >= self._policy.cooldown_seconds:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    def allow(self) -> bool:
        """Whether a call may go out now; a True in HALF_OPEN reserves the one trial."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.HALF_OPEN and not self._trial_in_flight:
            self._trial_in_flight = True
            return True
        return False

    def record_success(self) -> bool:
        """Close the circuit; True if it was open (the panel has recovered)."""
        was_open = self._opened_at is not None
        self._failures = 0
        self._opened_at = None
        self._trial_in_flight = False
        return was_open

    def record_failure(self) -> bool:
        """Count a failed call; True if this failure opened the circuit (again)."""
        self._trial_in_flight = False
        if self._opened_at is not None:  # the trial failed: another cool-down
            self._opened_at = self._clock()
            return True
        self._failures += 1
        if self._failures >= self._policy.failure_threshold:
            self._opened_at = self._clock()
            return True
        return False

    def release(self) -> None:
        """The call ended with neither verdict (e.g. cancelled): free the trial slot."""
        self._trial_in_flight = False
