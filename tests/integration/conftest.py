"""Integration tests run against real PostgreSQL and Redis servers; they never skip.

`scripts/test` starts throwaway servers and exports their URLs. Run outside it, these fixtures
fail with a message that says so.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.integration)


def _server_url(variable: str, server: str) -> str:
    url = os.environ.get(variable, "").strip()
    if not url:
        pytest.fail(
            f"{variable} is not set: integration tests need a real {server} server. "
            f"Run `bash scripts/test` (it starts one), or set {variable} yourself.",
            pytrace=False,
        )
    return url


@pytest.fixture(scope="session")
def database_url() -> str:
    """SQLAlchemy URL of an empty PostgreSQL database (postgresql+asyncpg://...)."""
    return _server_url("SHOP_TEST_DATABASE_URL", "PostgreSQL")


@pytest.fixture(scope="session")
def redis_url() -> str:
    """URL of a Redis server the tests may flush (redis://...)."""
    return _server_url("SHOP_TEST_REDIS_URL", "Redis")
