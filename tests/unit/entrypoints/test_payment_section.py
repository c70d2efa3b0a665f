"""ProviderSettings, the base of every `payments.<provider>` section: off by default, the
required values named in one message, and a section's own checks only after them."""

from __future__ import annotations

import pytest
from pydantic import Field, SecretStr, ValidationError

from shop_entrypoints.settings.payment_providers import StarsSettings, StripeSettings
from shop_entrypoints.settings.payment_section import AddressList, Currencies, ProviderSettings


class _ExampleSettings(ProviderSettings):
    section = "payments.example"
    required_when_enabled = ("login", "pin")

    login: str | None = None
    pin: SecretStr | None = None
    currencies: Currencies = Field(default=["RUB"], min_length=1)
    senders: AddressList = Field(default_factory=list)

    def _check_when_enabled(self) -> None:
        if self.login == "root":
            raise ValueError("payments.example.login may not be root")


def test_a_disabled_section_needs_nothing() -> None:
    assert not _ExampleSettings().enabled
    assert _ExampleSettings(login="root").login == "root"  # the own check waits for enabled


def test_every_missing_value_is_named_in_one_message() -> None:
    with pytest.raises(
        ValidationError, match=r"payments\.example is enabled but login, pin is not"
    ):
        _ExampleSettings(enabled=True)
    with pytest.raises(ValidationError, match=r"payments\.example is enabled but pin is not set"):
        _ExampleSettings(enabled=True, login="shop", pin=SecretStr(""))


def test_the_section_check_runs_after_the_required_values() -> None:
    with pytest.raises(ValidationError, match="but pin is not set"):
        _ExampleSettings(enabled=True, login="root")
    with pytest.raises(ValidationError, match="may not be root"):
        _ExampleSettings(enabled=True, login="root", pin=SecretStr("1234"))
    assert _ExampleSettings(enabled=True, login="shop", pin=SecretStr("1234")).enabled


def test_lists_are_read_from_one_line() -> None:
    settings = _ExampleSettings.model_validate(
        {"currencies": "rub, usd", "senders": "1.2.3.4, 10.0.0.0/8"}
    )
    assert settings.currencies == ["RUB", "USD"]
    assert settings.senders == ["1.2.3.4", "10.0.0.0/8"]
    with pytest.raises(ValidationError, match=r"unsupported currencies \['XYZ'\]"):
        _ExampleSettings.model_validate({"currencies": "xyz"})
    with pytest.raises(ValidationError, match="at least 1 item"):
        _ExampleSettings.model_validate({"currencies": ""})


def test_sections_stay_strict_and_frozen() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        StripeSettings(enabled=False, secrets="typo")  # type: ignore[call-arg]
    stars = StarsSettings()
    with pytest.raises(ValidationError, match="frozen"):
        stars.enabled = True  # type: ignore[misc]
