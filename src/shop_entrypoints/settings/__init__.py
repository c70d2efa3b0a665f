"""The shop's settings: one `Settings` model of nested sections, read by pydantic-settings."""

from shop_entrypoints.settings.business import RateLimitSettings, ReferralSettings, ShopSettings
from shop_entrypoints.settings.cache import CacheSettings
from shop_entrypoints.settings.lifecycle import LifecycleSettings
from shop_entrypoints.settings.panel import PanelSettings
from shop_entrypoints.settings.root import (
    DEFAULT_ENV_FILE,
    Settings,
    load_settings,
    read_raw_settings,
)
from shop_entrypoints.settings.runtime import LogSettings, WebSettings
from shop_entrypoints.settings.storage import DatabaseSettings, RedisSettings
from shop_entrypoints.settings.telegram import TelegramSettings

__all__ = [
    "DEFAULT_ENV_FILE",
    "CacheSettings",
    "DatabaseSettings",
    "LifecycleSettings",
    "LogSettings",
    "PanelSettings",
    "RateLimitSettings",
    "RedisSettings",
    "ReferralSettings",
    "Settings",
    "ShopSettings",
    "TelegramSettings",
    "WebSettings",
    "load_settings",
    "read_raw_settings",
]
