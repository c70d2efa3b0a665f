"""`RemnawavePanel` wired to an in-process `FakePanel` over `httpx.ASGITransport`.

The adapter reads the fake's clock (`now`), records its back-off sleeps instead of sleeping,
and its circuit breaker runs on a `ManualClock`, so every timing rule is testable instantly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from shop_adapters.remnawave import (
    BreakerPolicy,
    RemnawaveConfig,
    RemnawavePanel,
    RetryPolicy,
    build_panel_client,
)
from shop_domain.ports.vpn_panel import VpnPanel
from tests.fakes.manual_clock import ManualClock
from tests.fakes.remnawave import FakePanel, RecordedRequest

V3, V2 = "3.3.2", "2.8.1"
TOKEN = "test-token"  # noqa: S105 - the fake panel's default token
VERSIONS = [V3, V2]


class Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@dataclass
class Rig:
    fake: FakePanel
    panel: RemnawavePanel
    sleeps: Sleeps
    monotonic: ManualClock
    marks: list[int] = field(default_factory=list)

    def mark(self) -> None:
        """Forget the requests so far (e.g. the version detection)."""
        self.marks.append(len(self.fake.requests))

    def sent(self) -> list[RecordedRequest]:
        return self.fake.requests[self.marks[-1] if self.marks else 0 :]

    def calls(self) -> list[str]:
        return [f"{r.method} {r.path}" for r in self.sent()]


@asynccontextmanager
async def adapter_rig(
    version: str = V3,
    *,
    url: str = "http://panel.test",
    token: str = TOKEN,
    attempts: int = 3,
    threshold: int = 5,
    cooldown: float = 30.0,
    config: dict[str, Any] | None = None,
    fake: dict[str, Any] | None = None,
) -> AsyncIterator[Rig]:
    panel_fake = FakePanel(panel_version=version, **(fake or {}))
    settings = RemnawaveConfig(
        url=url,
        api_token=token,
        retry=RetryPolicy(attempts=attempts, backoff_seconds=0.05, max_retry_after_seconds=10),
        breaker=BreakerPolicy(threshold, cooldown),
        **(config or {}),
    )
    client = build_panel_client(settings, httpx.ASGITransport(app=panel_fake.app))
    sleeps, monotonic = Sleeps(), ManualClock()
    panel = RemnawavePanel(client, settings, now=panel_fake.now, sleep=sleeps, monotonic=monotonic)
    try:
        port: VpnPanel = panel  # mypy proves the adapter satisfies the port
        assert port is panel
        yield Rig(panel_fake, panel, sleeps, monotonic)
    finally:
        await panel.aclose()
