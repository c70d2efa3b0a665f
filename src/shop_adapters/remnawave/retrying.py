"""Retries for idempotent panel calls only: transport errors, 429 and 5xx.

Exponential back-off with jitter between attempts; a `Retry-After` from a 429/503 is
honoured instead, unless it asks for longer than `max_retry_after_seconds`, in which case
the call gives up at once rather than hold a customer's request hostage.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)
from tenacity.stop import stop_base

from shop_adapters.remnawave.config import RetryPolicy
from shop_domain.errors import VpnPanelUnavailableError

Sleep = Callable[[float], Awaitable[None]]


class TransientFailure(Exception):  # noqa: N818 - a control-flow signal, never leaves the adapter
    """One failed attempt worth retrying; carries the domain error to raise at the end."""

    def __init__(self, error: VpnPanelUnavailableError, retry_after: float | None = None):
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


def _failure(state: RetryCallState) -> TransientFailure | None:
    exc = state.outcome.exception() if state.outcome is not None else None
    return exc if isinstance(exc, TransientFailure) else None


class _RetryAfterTooLong(stop_base):
    def __init__(self, limit_seconds: float) -> None:
        self._limit = limit_seconds

    def __call__(self, retry_state: RetryCallState) -> bool:
        failure = _failure(retry_state)
        return bool(failure and failure.retry_after and failure.retry_after > self._limit)


def build_retrying(policy: RetryPolicy, *, idempotent: bool, sleep: Sleep) -> AsyncRetrying:
    backoff = wait_exponential_jitter(
        multiplier=policy.backoff_seconds,
        max=policy.max_backoff_seconds,
        jitter=policy.backoff_seconds,
    )

    def wait(state: RetryCallState) -> float:
        failure = _failure(state)
        if failure is not None and failure.retry_after is not None:
            return failure.retry_after
        return float(backoff(state))

    return AsyncRetrying(
        stop=stop_after_attempt(policy.attempts if idempotent else 1)
        | _RetryAfterTooLong(policy.max_retry_after_seconds),
        wait=wait,
        retry=retry_if_exception_type(TransientFailure),
        sleep=sleep,
        reraise=True,
    )


DEFAULT_SLEEP: Sleep = asyncio.sleep
