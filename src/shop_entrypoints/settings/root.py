"""`Settings`: every section, read from `SHOP_*` environment variables and a `.env` file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    EnvSettingsSource,
    SettingsConfigDict,
)

from shop_entrypoints.settings.bot import BotSettings
from shop_entrypoints.settings.business import RateLimitSettings, ReferralSettings, ShopSettings
from shop_entrypoints.settings.cache import CacheSettings
from shop_entrypoints.settings.jobs import JobSettings
from shop_entrypoints.settings.lifecycle import LifecycleSettings
from shop_entrypoints.settings.operations import BackupSettings, MonitoringSettings
from shop_entrypoints.settings.panel import PanelSettings
from shop_entrypoints.settings.payments import PaymentSettings
from shop_entrypoints.settings.runtime import LogSettings, WebSettings
from shop_entrypoints.settings.storage import DatabaseSettings, RedisSettings
from shop_entrypoints.settings.telegram import TelegramSettings

DEFAULT_ENV_FILE = Path(".env")


class Settings(BaseSettings):
    """The one typed source of truth. `SHOP_TELEGRAM__BOT_TOKEN` sets `telegram.bot_token`."""

    model_config = SettingsConfigDict(
        env_prefix="SHOP_",
        env_nested_delimiter="__",
        env_file=DEFAULT_ENV_FILE,
        env_file_encoding="utf-8",
        env_ignore_empty=True,  # `KEY=` in a .env file means "not set"
        extra="forbid",
        frozen=True,
        hide_input_in_errors=True,
    )

    telegram: TelegramSettings
    panel: PanelSettings
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    redis: RedisSettings = Field(default_factory=RedisSettings)
    cache: CacheSettings = Field(default_factory=CacheSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    log: LogSettings = Field(default_factory=LogSettings)
    shop: ShopSettings = Field(default_factory=ShopSettings)
    bot: BotSettings = Field(default_factory=BotSettings)
    rate_limit: RateLimitSettings = Field(default_factory=RateLimitSettings)
    referral: ReferralSettings = Field(default_factory=ReferralSettings)
    payments: PaymentSettings = Field(default_factory=PaymentSettings)
    lifecycle: LifecycleSettings = Field(default_factory=LifecycleSettings)
    jobs: JobSettings = Field(default_factory=JobSettings)
    monitoring: MonitoringSettings = Field(default_factory=MonitoringSettings)
    backup: BackupSettings = Field(default_factory=BackupSettings)
    data_dir: Path = Path("./data")

    @property
    def database_url(self) -> str:
        """The database to connect to; the embedded SQLite file when none is configured."""
        return self.database.resolved_url(self.data_dir)


def load_settings(env_file: Path | None = None) -> Settings:
    """Settings from the environment and `env_file` (default `./.env`); the environment wins."""
    return Settings(_env_file=env_file or DEFAULT_ENV_FILE)


def read_raw_settings(env_file: Path | None = None) -> dict[str, Any]:
    """The unvalidated input `load_settings` sees, merged the same way (for reports only)."""
    dotenv = DotEnvSettingsSource(Settings, env_file=env_file or DEFAULT_ENV_FILE)()
    return _deep_merge(dotenv, EnvSettingsSource(Settings)())


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


__all__ = ["DEFAULT_ENV_FILE", "Settings", "load_settings", "read_raw_settings"]
