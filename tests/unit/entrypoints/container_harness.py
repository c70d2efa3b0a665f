"""The real container with its connection-owning resources overridden by fakes.

Nothing is initialised (no `init_resources()`): the bot talks to a FakeTelegramSession, the
units of work to the in-memory store, the panel is a FakeVpnPanel, jobs stay in memory.
"""

from __future__ import annotations

from typing import Any

import httpx
from aiogram import Bot
from aiogram.fsm.storage.memory import MemoryStorage
from dependency_injector import providers

from shop_adapters.in_process.locks import InProcessLock
from shop_adapters.jobs.engine import JobEngineConfig, build_job_engine
from shop_entrypoints.container import Container, build_container
from shop_entrypoints.settings import Settings
from tests.fakes.memory_store import MemoryStore, MemoryUnitOfWork
from tests.fakes.telegram import FakeTelegramSession
from tests.unit.fakes import FakeVpnPanel

TOKEN = "123456789:" + "A" * 35


def shop_settings(**sections: Any) -> Settings:
    base: dict[str, Any] = {
        "telegram": {"bot_token": TOKEN, "admin_ids": [7]},
        "panel": {"url": "https://panel.example.com", "api_token": "panel-token"},
    }
    return Settings(_env_file=None, **{**base, **sections})


class ContainerHarness:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or shop_settings()
        self.container: Container = build_container(self.settings)
        self.session = FakeTelegramSession()
        self.store = MemoryStore()
        self.panel = FakeVpnPanel()
        self.bot = Bot("42:TEST", session=self.session)
        infra = self.container.infra
        infra.bot.override(providers.Object(self.bot))
        infra.fsm_storage.override(providers.Object(MemoryStorage()))
        infra.redis.override(providers.Object(None))
        no_network = httpx.MockTransport(lambda request: httpx.Response(599))
        infra.payments_http.override(providers.Object(httpx.AsyncClient(transport=no_network)))
        infra.uow_factory.override(providers.Object(lambda: MemoryUnitOfWork(self.store)))
        infra.customer_lookup.override(providers.Object(None))  # reads go through the store
        adapters = self.container.adapters
        adapters.panel.override(providers.Object(self.panel))
        # The real in-process job engine (taskiq's InMemoryBroker): it opens no connection.
        self.jobs = build_job_engine(JobEngineConfig(), InProcessLock())
        adapters.job_engine.override(providers.Object(self.jobs))
        self.container.telegram.bot_username.override(providers.Object("shop_test_bot"))
