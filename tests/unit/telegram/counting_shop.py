"""The services' Shop harness, counting every repository call (a database round trip)
and yielding to the event loop on each, as a real driver does."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.memory_store import MemoryStore, MemoryUnitOfWork
from tests.fakes.memory_store.store import MemoryState
from tests.unit.fakes import FakeVpnPanel
from tests.unit.services.device_panel import FakeDevicePanel
from tests.unit.services.shop_harness import Shop

REPOSITORIES = (
    "customers",
    "plans",
    "campaigns",
    "subscriptions",
    "outbox",
    "orders",
    "payments",
    "provider_events",
    "promo_codes",
    "referral_rewards",
)


class _Counted:
    def __init__(self, inner: object, name: str, calls: list[str]) -> None:
        self._inner, self._name, self._calls = inner, name, calls

    def __getattr__(self, attr: str) -> Any:
        method = getattr(self._inner, attr)

        async def counted(*args: Any, **kwargs: Any) -> Any:
            self._calls.append(f"{self._name}.{attr}")
            await asyncio.sleep(0)  # a round trip: concurrent updates interleave here
            return await method(*args, **kwargs)

        return counted


class CountingUnitOfWork(MemoryUnitOfWork):
    def __init__(self, store: MemoryStore, calls: list[str]) -> None:
        self._calls = calls
        super().__init__(store)

    def _bind(self, state: MemoryState) -> None:
        super()._bind(state)
        for name in REPOSITORIES:
            setattr(self, name, _Counted(getattr(self, name), name, self._calls))


def _device_panel() -> FakeVpnPanel:
    return FakeDevicePanel()


@dataclass
class CountingShop(Shop):
    panel: FakeVpnPanel = field(default_factory=_device_panel)
    queries: list[str] = field(default_factory=list)

    def uow(self) -> MemoryUnitOfWork:
        return CountingUnitOfWork(self.store, self.queries)

    @property
    def device_panel(self) -> FakeDevicePanel:
        assert isinstance(self.panel, FakeDevicePanel)
        return self.panel
