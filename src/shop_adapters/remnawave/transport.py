"""One panel call: circuit breaker, bounded retries, logging and error mapping.

`PanelHttp.call()` returns the decoded `response` payload of a 2xx answer (None for an
empty body) and raises domain errors otherwise. Only calls marked `idempotent` are retried.
Failures are logged with the operation name, `status_code` and `elapsed_ms`; never the
token, the body or a subscription URL.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
import structlog

from shop_adapters.remnawave.circuit_breaker import CircuitBreaker
from shop_adapters.remnawave.config import RetryPolicy
from shop_adapters.remnawave.errors import (
    is_transient,
    parse_error,
    retry_after_seconds,
    to_domain_error,
    transport_error,
)
from shop_adapters.remnawave.retrying import DEFAULT_SLEEP, Sleep, TransientFailure, build_retrying
from shop_domain.errors import VpnPanelError, VpnPanelUnavailableError

logger = structlog.get_logger(__name__)


class PanelHttp:
    def __init__(
        self,
        client: httpx.AsyncClient,
        retry: RetryPolicy,
        breaker: CircuitBreaker,
        sleep: Sleep = DEFAULT_SLEEP,
    ) -> None:
        self._client = client
        self._retry = retry
        self._breaker = breaker
        self._sleep = sleep

    async def call(
        self, operation: str, method: str, path: str, *, idempotent: bool, **options: Any
    ) -> Any:
        """`options` go to `httpx.AsyncClient.request` (`json`, `params`)."""
        if not self._breaker.allow():
            raise VpnPanelUnavailableError(f"{operation}: circuit open, the panel is failing")
        retrying = build_retrying(self._retry, idempotent=idempotent, sleep=self._sleep)
        try:
            async for attempt in retrying:
                with attempt:
                    payload = await self._attempt(operation, method, path, options)
        except TransientFailure as failure:
            if self._breaker.record_failure():
                logger.error("panel_circuit_opened", operation=operation, error=str(failure))
            raise failure.error from failure
        except VpnPanelError:  # a definite answer: the panel itself is alive
            self._record_success()
            raise
        except BaseException:
            self._breaker.release()
            raise
        self._record_success()
        return payload

    def _record_success(self) -> None:
        if self._breaker.record_success():
            logger.info("panel_circuit_closed")

    async def _attempt(
        self, operation: str, method: str, path: str, options: dict[str, Any]
    ) -> Any:
        started = time.monotonic()
        try:
            response = await self._client.request(method, path, **options)
        except httpx.HTTPError as exc:
            self._log(operation, method, started, None, None, type(exc).__name__)
            raise TransientFailure(transport_error(exc, operation)) from exc
        if response.is_success:
            return _payload(response, operation)
        error = parse_error(response)
        self._log(operation, method, started, error.status, error.code, "error_response")
        domain_error = to_domain_error(error, operation)
        if is_transient(error) and isinstance(domain_error, VpnPanelUnavailableError):
            raise TransientFailure(domain_error, retry_after_seconds(response))
        raise domain_error

    def _log(
        self,
        operation: str,
        method: str,
        started: float,
        status_code: int | None,
        panel_code: str | None,
        reason: str,
    ) -> None:
        logger.warning(
            "panel_request_failed",
            operation=operation,
            method=method,
            status_code=status_code,
            panel_code=panel_code,
            reason=reason,
            elapsed_ms=round((time.monotonic() - started) * 1000),
        )


def _payload(response: httpx.Response, operation: str) -> Any:
    if not response.content:
        return None
    try:
        body = response.json()
    except ValueError as exc:
        msg = f"{operation}: the panel answered with non-JSON (an auth gate's login page?)"
        raise VpnPanelError(msg) from exc
    if not isinstance(body, dict) or "response" not in body:
        raise VpnPanelError(f"{operation}: the panel answered without a response envelope")
    return body["response"]
