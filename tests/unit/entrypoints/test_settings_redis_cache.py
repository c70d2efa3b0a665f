"""The Redis tuning and cache sections: safe defaults, environment overrides, bad values."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shop_entrypoints.settings import load_settings


def test_defaults_need_no_configuration(valid_env: dict[str, str]) -> None:
    settings = load_settings()

    assert settings.redis.url is None
    assert settings.redis.key_prefix == "shop"
    assert settings.redis.fsm_state_ttl_seconds == 86_400
    assert settings.cache.channel_member_ttl_seconds == 600
    assert settings.cache.memory_max_entries == 10_000


def test_the_environment_tunes_redis_and_the_cache(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_REDIS__KEY_PREFIX", "shop-eu")
    monkeypatch.setenv("SHOP_REDIS__SOCKET_TIMEOUT_SECONDS", "0.5")
    monkeypatch.setenv("SHOP_REDIS__FSM_DATA_TTL_SECONDS", "0")
    monkeypatch.setenv("SHOP_CACHE__CHANNEL_MEMBER_TTL_SECONDS", "120")

    settings = load_settings()

    assert settings.redis.key_prefix == "shop-eu"
    assert settings.redis.socket_timeout_seconds == 0.5
    assert settings.redis.fsm_data_ttl_seconds == 0
    assert settings.cache.channel_member_ttl_seconds == 120


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SHOP_REDIS__KEY_PREFIX", "has spaces"),
        ("SHOP_REDIS__KEY_PREFIX", "a:b"),
        ("SHOP_REDIS__SOCKET_TIMEOUT_SECONDS", "0"),
        ("SHOP_REDIS__MAX_CONNECTIONS", "0"),
        ("SHOP_REDIS__FSM_STATE_TTL_SECONDS", "-1"),
        ("SHOP_CACHE__MEMORY_MAX_ENTRIES", "5"),
        ("SHOP_CACHE__CHANNEL_MEMBER_TTL_SECONDS", "1"),
    ],
)
def test_bad_values_are_rejected(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    field = name.removeprefix("SHOP_").split("__")[1].lower()

    with pytest.raises(ValidationError, match=field):
        load_settings()
