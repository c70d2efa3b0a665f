"""The `payments.yookassa` and `payments.paypal` sections: off by default, complete when on."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shop_adapters.payments.providers.yookassa.config import SENDER_NETWORKS
from shop_entrypoints.settings.payment_paypal import PayPalSettings
from shop_entrypoints.settings.payment_yookassa import YOOKASSA_SENDERS, YooKassaSettings

YOOKASSA = {
    "enabled": True,
    "shop_id": "123456",
    "secret_key": "live_Secret",
    "return_url": "https://t.me/vpn_shop_bot",
}
PAYPAL = {
    "enabled": True,
    "client_id": "AZclient",
    "client_secret": "EFsecret",
    "webhook_id": "8PT597110X687430L",
    "return_url": "https://t.me/vpn_shop_bot",
}


def test_both_are_off_and_need_nothing_by_default() -> None:
    assert YooKassaSettings().enabled is False
    assert PayPalSettings().enabled is False


def test_complete_sections_are_accepted_and_secrets_stay_hidden() -> None:
    yookassa = YooKassaSettings.model_validate(YOOKASSA | {"currencies": "rub, usd"})
    paypal = PayPalSettings.model_validate(PAYPAL | {"sandbox": True})

    assert yookassa.currencies == ["RUB", "USD"]
    assert "185.71.76.0/27" in yookassa.allowed_ips
    assert paypal.currencies == ["USD", "EUR"]
    assert "live_Secret" not in repr(yookassa)
    assert "EFsecret" not in repr(paypal)


def test_the_default_senders_are_the_adapters_list() -> None:
    assert YOOKASSA_SENDERS == SENDER_NETWORKS


@pytest.mark.parametrize("missing", ["shop_id", "secret_key", "return_url"])
def test_enabled_yookassa_needs_its_credentials(missing: str) -> None:
    with pytest.raises(ValidationError, match=missing):
        YooKassaSettings.model_validate({k: v for k, v in YOOKASSA.items() if k != missing})


@pytest.mark.parametrize(
    "changes",
    [
        {"test_mode": True},  # a live key in test mode
        {"secret_key": "test_Secret"},  # a test key in live mode
        {"shop_id": "shop-1"},
        {"return_url": "http://t.me/bot"},
        {"currencies": "RUBLES"},
        {"allowed_ips": ""},  # would refuse every notification: say so at start-up
        {"currencies": ""},
    ],
)
def test_wrong_yookassa_values_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        YooKassaSettings.model_validate(YOOKASSA | changes)


@pytest.mark.parametrize("missing", ["client_id", "client_secret", "webhook_id", "return_url"])
def test_enabled_paypal_needs_its_credentials(missing: str) -> None:
    with pytest.raises(ValidationError, match=missing):
        PayPalSettings.model_validate({k: v for k, v in PAYPAL.items() if k != missing})


@pytest.mark.parametrize(
    "changes",
    [
        {"capture_url": "http://shop.example/payments/paypal"},
        {"max_webhook_age_hours": 0},
        {"currencies": "USD,XYZ"},
    ],
)
def test_wrong_paypal_values_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        PayPalSettings.model_validate(PAYPAL | changes)
