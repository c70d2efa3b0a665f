from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from shop_entrypoints.settings import Settings, load_settings
from tests.unit.entrypoints.env_files import write_env_file

BOT_TOKEN = "123456789:" + "A" * 35


def test_nested_sections_come_from_double_underscore_env_vars(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_WEB__PORT", "9090")
    monkeypatch.setenv("SHOP_RATE_LIMIT__MAX_REQUESTS", "5")
    monkeypatch.setenv("SHOP_DATA_DIR", "/srv/shop")

    settings = load_settings()

    assert settings.telegram.bot_token.get_secret_value() == valid_env["SHOP_TELEGRAM__BOT_TOKEN"]
    assert str(settings.panel.url) == "https://panel.example.com/"
    assert settings.web.port == 9090
    assert settings.rate_limit.max_requests == 5
    assert settings.data_dir == Path("/srv/shop")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1,2, 3", [1, 2, 3]), ("42", [42]), ("[4, 5]", [4, 5]), ("", [])],
)
def test_admin_ids_accept_a_comma_separated_list(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, raw: str, expected: list[int]
) -> None:
    monkeypatch.setenv("SHOP_TELEGRAM__ADMIN_IDS", raw)

    assert load_settings().telegram.admin_ids == expected


def test_defaults(valid_env: dict[str, str]) -> None:
    settings = load_settings()

    assert settings.telegram.default_language == "ru"
    assert settings.telegram.max_concurrent_updates == 100
    assert settings.panel.username_prefix == "tg_"
    assert settings.panel.api_version == "auto"
    assert settings.database.upgrade_on_start is True
    assert settings.redis.url is None
    assert settings.web.port == 8080
    assert settings.log.format == "auto"
    assert settings.shop.currencies == ["RUB"]
    assert settings.rate_limit.max_requests == 20
    assert settings.rate_limit.window_seconds == 60
    assert settings.rate_limit.ban_seconds == 300
    assert settings.referral.inviter_bonus_days == {}


def test_without_a_database_url_the_shop_uses_embedded_sqlite_in_data_dir(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_settings().database_url == "sqlite+aiosqlite:///data/shop.sqlite3"

    monkeypatch.setenv("SHOP_DATA_DIR", "/var/lib/shop")

    assert load_settings().database_url == "sqlite+aiosqlite:////var/lib/shop/shop.sqlite3"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://shop:pw@db:5432/shop", "postgresql+asyncpg://shop:pw@db:5432/shop"),
        ("postgres://shop:pw@db/shop", "postgresql+asyncpg://shop:pw@db/shop"),
        ("postgresql+asyncpg://shop@db/shop", "postgresql+asyncpg://shop@db/shop"),
        ("sqlite:///tmp/x.sqlite3", "sqlite+aiosqlite:///tmp/x.sqlite3"),
    ],
)
def test_database_urls_get_the_async_driver(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, url: str, expected: str
) -> None:
    monkeypatch.setenv("SHOP_DATABASE__URL", url)

    assert load_settings().database_url == expected


def test_secrets_are_hidden_in_repr(valid_env: dict[str, str]) -> None:
    settings = load_settings()

    assert BOT_TOKEN not in repr(settings)
    assert "panel-token" not in repr(settings)


def test_env_file_is_read_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = write_env_file(
        tmp_path,
        {
            "SHOP_TELEGRAM__BOT_TOKEN": BOT_TOKEN,
            "SHOP_PANEL__URL": "https://from-file.example.com",
            "SHOP_PANEL__API_TOKEN": "file-token",
            "SHOP_PANEL__WEBHOOK_SECRET": "",  # empty means "not set"
            "SHOP_LOG__LEVEL": "debug",
        },
    )
    monkeypatch.setenv("SHOP_PANEL__URL", "https://from-env.example.com")

    settings = load_settings(env_file)

    assert str(settings.panel.url) == "https://from-env.example.com/"
    assert settings.panel.api_token.get_secret_value() == "file-token"
    assert settings.log.level == "DEBUG"
    assert settings.panel.webhook_secret is None


def test_an_unknown_key_in_the_env_file_is_an_error(
    valid_env: dict[str, str], tmp_path: Path
) -> None:
    env_file = write_env_file(tmp_path, {"SHOP_PANEL__WEBHOOK_URL": "https://x.example.com"})

    with pytest.raises(ValidationError, match="webhook_url"):
        load_settings(env_file)


def test_dot_env_in_the_working_directory_is_the_default(tmp_path: Path) -> None:
    write_env_file(
        tmp_path,
        {
            "SHOP_TELEGRAM__BOT_TOKEN": BOT_TOKEN,
            "SHOP_PANEL__URL": "https://panel.example.com",
            "SHOP_PANEL__API_TOKEN": "t",
        },
        name=".env",
    )

    assert isinstance(load_settings(), Settings)


def test_business_sections_parse_lists_and_maps(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_SHOP__CURRENCIES", "rub, usd")
    monkeypatch.setenv("SHOP_REFERRAL__INVITER_BONUS_DAYS", "30:7, 90:14")
    monkeypatch.setenv("SHOP_REFERRAL__INVITEE_BONUS_DAYS", '{"30": 3}')

    settings = load_settings()

    assert settings.shop.currencies == ["RUB", "USD"]
    assert settings.referral.inviter_bonus_days == {30: 7, 90: 14}
    assert settings.referral.invitee_bonus_days == {30: 3}
