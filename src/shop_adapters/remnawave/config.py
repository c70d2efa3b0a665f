"""What the adapter needs to reach one panel; the composition root fills it from settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ApiVersion = Literal["auto", "2", "3"]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Bounded retries of idempotent calls: exponential back-off with jitter."""

    attempts: int = 3
    backoff_seconds: float = 0.3
    max_backoff_seconds: float = 5.0
    max_retry_after_seconds: float = 30.0  # a longer Retry-After is not waited for

    def __post_init__(self) -> None:
        if self.attempts < 1:
            msg = "attempts must be at least 1"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True)
class BreakerPolicy:
    failure_threshold: int = 5  # consecutive failed calls before the circuit opens
    cooldown_seconds: float = 30.0  # how long it stays open before one trial call

    def __post_init__(self) -> None:
        if self.failure_threshold < 1 or self.cooldown_seconds < 0:
            msg = "failure_threshold >= 1 and cooldown_seconds >= 0 are required"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True)
class RemnawaveConfig:
    url: str  # the panel origin, with or without the trailing /api
    api_token: str = field(repr=False)
    username_prefix: str = "tg_"
    api_version: ApiVersion = "auto"
    cookie: tuple[str, str] | None = field(default=None, repr=False)  # gate cookie (name, value)
    api_key: str | None = field(default=None, repr=False)  # sent as X-Api-Key
    timeout_seconds: float = 10.0
    max_connections: int = 10
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    breaker: BreakerPolicy = field(default_factory=BreakerPolicy)

    @property
    def api_base_url(self) -> str:
        """The URL every path is relative to: the origin plus exactly one `/api`."""
        base = self.url.rstrip("/")
        if base.endswith("/api"):
            base = base[: -len("/api")]
        return f"{base}/api/"

    @property
    def is_plain_http(self) -> bool:
        return self.url.lower().startswith("http://")

    def username_for(self, telegram_id: int) -> str:
        return f"{self.username_prefix}{telegram_id}"
