"""Settings tests see only the environment and .env file each test gives them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

VALID_ENV = {
    "SHOP_TELEGRAM__BOT_TOKEN": "123456789:" + "A" * 35,
    "SHOP_PANEL__URL": "https://panel.example.com",
    "SHOP_PANEL__API_TOKEN": "panel-token",
}


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No SHOP_* variable from the developer's shell, and no ./.env, reaches a test."""
    for name in list(os.environ):
        if name.upper().startswith("SHOP_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def valid_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The smallest valid configuration, set in the environment."""
    for name, value in VALID_ENV.items():
        monkeypatch.setenv(name, value)
    return dict(VALID_ENV)
