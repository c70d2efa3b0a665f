"""The `payments` section: switches, button order, provider secrets, nested env variables."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from shop_entrypoints.config_report import check_config
from shop_entrypoints.settings import load_settings
from shop_entrypoints.settings.payments import PaymentSettings
from tests.unit.entrypoints.conftest import VALID_ENV
from tests.unit.entrypoints.env_files import write_env_file

STRIPE_ON = {
    "enabled": True,
    "secret_key": "sk_live_abc",
    "webhook_secret": "whsec_abc",
    "success_url": "https://t.me/shop_bot",
}


def test_every_provider_is_off_by_default() -> None:
    settings = PaymentSettings()
    assert settings.enabled == ()
    assert settings.button_order[0] == "telegram_stars"


@pytest.mark.usefixtures("valid_env")
def test_nested_environment_variables_reach_the_provider_sections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SHOP_PAYMENTS__STARS__ENABLED", "true")
    monkeypatch.setenv("SHOP_PAYMENTS__CRYPTOPAY__ENABLED", "true")
    monkeypatch.setenv("SHOP_PAYMENTS__CRYPTOPAY__TOKEN", "12345:AAcryptoPayToken")
    monkeypatch.setenv("SHOP_PAYMENTS__CRYPTOPAY__CURRENCIES", "rub, usdt")
    monkeypatch.setenv("SHOP_PAYMENTS__BUTTON_ORDER", "cryptopay, telegram_stars")
    payments = load_settings().payments
    assert payments.enabled == ("cryptopay", "telegram_stars")
    assert payments.cryptopay.currencies == ["RUB", "USDT"]
    token = payments.cryptopay.token
    assert token is not None
    assert token.get_secret_value() == "12345:AAcryptoPayToken"
    assert "AAcryptoPayToken" not in repr(payments)


def test_enabled_providers_missing_from_the_order_follow_by_name() -> None:
    settings = PaymentSettings.model_validate(
        {"button_order": ["stripe"], "stars": {"enabled": True}, "stripe": STRIPE_ON}
    )
    assert settings.enabled == ("stripe", "telegram_stars")


@pytest.mark.parametrize(
    ("section", "values", "message"),
    [
        ("stripe", {"enabled": True}, "secret_key, webhook_secret, success_url is not set"),
        ("cryptopay", {"enabled": True}, "token is not set"),
        ("robokassa", {"enabled": True, "password1": "a"}, "merchant_login, password2"),
        ("cryptopay", {"currencies": "RUB,DOGE"}, "unsupported currencies ['DOGE']"),
        ("stripe", {"checkout_ttl_minutes": 10}, "greater than or equal to 30"),
        ("stars", {"transactions_page_size": 101}, "less than or equal to 100"),
    ],
)
def test_unusable_provider_settings_are_refused(
    section: str, values: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        PaymentSettings.model_validate({section: values})


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"button_order": "stripe,stripe"}, "names a provider twice"),
        ({"button_order": "stripe,bitcoin"}, "button_order"),
        ({"reconcile_after_minutes": 600, "reconcile_give_up_hours": 1}, "must not be shorter"),
    ],
)
def test_unusable_payment_settings_are_refused(values: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PaymentSettings.model_validate(values)


def test_check_config_names_nested_settings_and_hides_their_secrets(tmp_path: Path) -> None:
    env = {
        **VALID_ENV,
        "SHOP_PAYMENTS__STRIPE__ENABLED": "true",
        "SHOP_PAYMENTS__STRIPE__SECRET_KEY": "sk_live_topSecret42",
        "SHOP_PAYMENTS__STRIPE__WEBHOOK_SECRET": "whsec_topSecret43",
        "SHOP_PAYMENTS__STRIPE__SUCCESS_URL": "https://t.me/shop_bot",
    }
    report = check_config(write_env_file(tmp_path, env))
    assert report.ok
    lines = {line.env_var: line for line in report.lines}
    assert lines["SHOP_PAYMENTS__STRIPE__SECRET_KEY"].state == "set (hidden)"
    assert lines["SHOP_PAYMENTS__STRIPE__SECRET_KEY"].section == "payments.stripe"
    assert lines["SHOP_PAYMENTS__STARS__ENABLED"].state == "false (default)"
    assert "topSecret" not in repr(report)


def test_check_config_points_at_the_nested_problem(tmp_path: Path) -> None:
    env = {
        **VALID_ENV,
        "SHOP_PAYMENTS__STRIPE__CHECKOUT_TTL_MINUTES": "5",
        "SHOP_PAYMENTS__STRIPE__NO_SUCH_THING": "1",
    }
    report = check_config(write_env_file(tmp_path, env))
    assert not report.ok
    problems = {line.env_var: line.state for line in report.lines if line.problem}
    assert "greater than or equal to 30" in problems["SHOP_PAYMENTS__STRIPE__CHECKOUT_TTL_MINUTES"]
    assert problems["SHOP_PAYMENTS__STRIPE__NO_SUCH_THING"] == "unknown setting"


def test_check_config_reports_a_nested_section_error(tmp_path: Path) -> None:
    env = {**VALID_ENV, "SHOP_PAYMENTS__CRYPTOPAY__ENABLED": "true"}
    report = check_config(write_env_file(tmp_path, env))
    problems = {line.env_var: line.state for line in report.lines if line.problem}
    assert problems["SHOP_PAYMENTS__CRYPTOPAY__TOKEN"].startswith("invalid section")
