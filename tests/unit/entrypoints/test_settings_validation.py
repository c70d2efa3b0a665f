from __future__ import annotations

import pytest
from pydantic import ValidationError

from shop_entrypoints.settings import load_settings


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SHOP_TELEGRAM__BOT_TOKEN", "12345:too-short"),
        ("SHOP_TELEGRAM__WEBHOOK_URL", "http://bot.example.com/hook"),
        ("SHOP_TELEGRAM__WEBHOOK_SECRET", "has spaces"),
        ("SHOP_TELEGRAM__DEFAULT_LANGUAGE", "de"),
        ("SHOP_PANEL__URL", "panel.example.com"),
        ("SHOP_PANEL__API_VERSION", "4"),
        ("SHOP_PANEL__COOKIE", "no-separator"),
        ("SHOP_PANEL__WEBHOOK_SECRET", "short"),
        ("SHOP_PANEL__TIMEOUT_SECONDS", "0"),
        ("SHOP_DATABASE__URL", "mysql://u:p@h/db"),
        ("SHOP_DATABASE__URL", "not a url"),
        ("SHOP_REDIS__URL", "http://cache:6379"),
        ("SHOP_WEB__PORT", "70000"),
        ("SHOP_SHOP__CURRENCIES", "RUBLES"),
        ("SHOP_REFERRAL__INVITER_BONUS_DAYS", "30"),
        ("SHOP_REFERRAL__INVITEE_BONUS_DAYS", "30:-1"),
    ],
)
def test_invalid_values_are_rejected(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)

    with pytest.raises(ValidationError):
        load_settings()


def test_validation_errors_never_echo_the_input(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_TELEGRAM__BOT_TOKEN", "777:leaked-token-value")

    with pytest.raises(ValidationError) as caught:
        load_settings()

    assert "leaked-token-value" not in str(caught.value)


@pytest.mark.parametrize("cookie", ["gate=s3cret", "gate:s3cret"])
def test_panel_cookie_gate_is_split_into_name_and_value(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, cookie: str
) -> None:
    monkeypatch.setenv("SHOP_PANEL__COOKIE", cookie)

    assert load_settings().panel.cookie_pair() == ("gate", "s3cret")


def test_no_cookie_gate_by_default(valid_env: dict[str, str]) -> None:
    assert load_settings().panel.cookie_pair() is None
