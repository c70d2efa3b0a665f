"""Fixtures of the end-to-end bot tests: each runs on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.integration.telegram.e2e_harness import STORES, E2EShop, running_shop, shop_settings
from tests.integration.telegram.e2e_harness import store_url as migrated_store


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=["ru", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def store_url(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    database_url = request.getfixturevalue("database_url") if store == "postgresql" else ""
    return await migrated_store(store, tmp_path, database_url)


@pytest.fixture
async def shop(store_url: str) -> AsyncIterator[E2EShop]:
    async with running_shop(shop_settings(store_url)) as running:
        yield running
