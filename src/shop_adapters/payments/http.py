"""Outbound HTTP to providers: one shared client, one error mapping, bounded retries.

`open_http_client()` is the container's `providers.Resource` (it closes the client on
shutdown); tests build their own client on `httpx.ASGITransport(app=fake)` instead. Every
provider wraps the injected client in `ProviderHttp`, which:

- maps `httpx.HTTPError` (timeouts, refused connections) and 5xx/429 answers to
  `PaymentProviderError`, so no httpx type crosses the port;
- retries, with jittered back-off, only calls marked `idempotent` (reads, and writes that
  carry a provider idempotency key); a create without a key is never retried;
- returns every other response (2xx and 4xx) for the provider to read its error body.

`read_model()` is the one way a provider's API module reads that response: a 2xx body as its
pydantic model, anything else as `PaymentProviderError` with the provider's error detail.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any, Final, TypeVar

import httpx
import structlog
from pydantic import BaseModel, ValidationError
from tenacity import (
    AsyncRetrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from shop_domain.errors import PaymentProviderError

logger = structlog.get_logger(__name__)

DEFAULT_TIMEOUT: Final = httpx.Timeout(15.0, connect=5.0)
_RETRYABLE_STATUS: Final = frozenset({429, 500, 502, 503, 504})
_Model = TypeVar("_Model", bound=BaseModel)


async def open_http_client(timeout_seconds: float = 15.0) -> AsyncIterator[httpx.AsyncClient]:
    """The client every gateway shares; a `providers.Resource` in the container."""
    timeout = httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 5.0))
    headers = {"User-Agent": "remnawave-shop"}
    async with httpx.AsyncClient(timeout=timeout, headers=headers) as client:
        yield client


class _RetryableError(PaymentProviderError):
    """A failure worth another attempt: transport error, 429 or 5xx."""


class ProviderHttp:
    def __init__(
        self,
        client: httpx.AsyncClient,
        provider: str,
        *,
        attempts: int = 3,
        backoff_seconds: float = 0.3,
    ) -> None:
        self._client = client
        self._provider = provider
        self._attempts = attempts
        self._backoff = backoff_seconds

    async def send(
        self, method: str, url: str, *, idempotent: bool, **options: Any
    ) -> httpx.Response:
        """One call, retried only if `idempotent`; `options` go to `httpx.AsyncClient.request`
        (`params`, `data`, `json`, `headers`)."""
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._attempts if idempotent else 1),
            wait=wait_exponential_jitter(
                multiplier=self._backoff, max=5 * self._backoff, jitter=self._backoff
            ),
            retry=retry_if_exception_type(_RetryableError),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._once(method, url, options)
        except _RetryableError as error:
            raise PaymentProviderError(str(error)) from error
        raise AssertionError("unreachable: tenacity re-raises")  # pragma: no cover

    async def _once(self, method: str, url: str, options: Mapping[str, Any]) -> httpx.Response:
        started = time.monotonic()
        try:
            response = await self._client.request(method, url, **options)
        except httpx.HTTPError as error:
            self._log_failure(method, url, started, None, type(error).__name__)
            raise _RetryableError(f"{self._provider}: {type(error).__name__}") from error
        if response.status_code in _RETRYABLE_STATUS:
            self._log_failure(method, url, started, response.status_code, "server_error")
            raise _RetryableError(f"{self._provider}: HTTP {response.status_code}")
        return response

    def _log_failure(
        self, method: str, url: str, started: float, status_code: int | None, reason: str
    ) -> None:
        logger.warning(
            "payment_provider_request_failed",
            provider=self._provider,
            method=method,
            path=httpx.URL(url).path,  # never the query: it may carry a signature
            status_code=status_code,
            reason=reason,
            elapsed_ms=round((time.monotonic() - started) * 1000),
        )


def provider_error(provider: str, response: httpx.Response, detail: str) -> PaymentProviderError:
    """A 4xx or unreadable answer: the call is wrong or refused, retrying will not help."""
    logger.warning(
        "payment_provider_refused",
        provider=provider,
        path=response.request.url.path,
        status_code=response.status_code,
        detail=detail,
    )
    return PaymentProviderError(f"{provider}: HTTP {response.status_code} {detail}")


def read_model(
    provider: str,
    response: httpx.Response,
    model: type[_Model],
    error_detail: Callable[[httpx.Response], str],
) -> _Model:
    """A 2xx body as `model`. A refusal raises with `error_detail(response)` (the provider's
    own error code, read from its error body); a 2xx that does not fit `model`, with
    "unexpected body"."""
    if not response.is_success:
        raise provider_error(provider, response, error_detail(response))
    try:
        return model.model_validate_json(response.content)
    except ValidationError as error:
        raise provider_error(provider, response, "unexpected body") from error
