"""Per-provider sections of `payments`: Telegram Stars, CryptoPay, Stripe and Robokassa.

Each section has `enabled` (off by default) and what its adapter's config needs; secrets are
`SecretStr` and are required only when the provider is enabled (payment_section.py).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import NoDecode

from shop_entrypoints.settings.parsing import comma_separated
from shop_entrypoints.settings.payment_section import AddressList, Currencies, ProviderSettings

ROBOKASSA_SENDERS = ("185.59.216.65", "185.59.217.65")  # Robokassa's ResultURL senders


class StarsSettings(ProviderSettings):
    """Telegram Stars needs no secret: the bot token pays and refunds."""

    section = "payments.stars"

    transactions_page_size: int = Field(default=100, ge=1, le=100)
    max_pages_per_lookup: int = Field(default=10, ge=1, le=1000)
    rescan_after_seconds: float = Field(default=30.0, ge=0, le=3600)


class CryptoPaySettings(ProviderSettings):
    section = "payments.cryptopay"
    required_when_enabled = ("token",)

    token: SecretStr | None = None
    testnet: bool = False
    currencies: Currencies = Field(default=["RUB", "USD", "USDT"], min_length=1)
    accepted_assets: Annotated[list[str], NoDecode] = Field(default_factory=list)
    invoice_ttl_seconds: int = Field(default=3600, ge=1, le=2_678_400)

    @field_validator("accepted_assets", mode="before")
    @classmethod
    def _split_assets(cls, value: object) -> object:
        value = comma_separated(value)
        return [str(item).upper() for item in value] if isinstance(value, list) else value


class StripeSettings(ProviderSettings):
    section = "payments.stripe"
    required_when_enabled = ("secret_key", "webhook_secret", "success_url")

    secret_key: SecretStr | None = None
    webhook_secret: SecretStr | None = None
    test_mode: bool = False
    success_url: str | None = Field(default=None, pattern=r"^https://")
    cancel_url: str | None = Field(default=None, pattern=r"^https://")
    currencies: Currencies = Field(default=["USD", "EUR"], min_length=1)
    checkout_ttl_minutes: int = Field(default=60, ge=30, le=1440)


class RobokassaSettings(ProviderSettings):
    """Robokassa takes RUB only; passwords are the test pair when `test_mode` is on."""

    section = "payments.robokassa"
    required_when_enabled = ("merchant_login", "password1", "password2")

    merchant_login: str | None = None
    password1: SecretStr | None = None
    password2: SecretStr | None = None
    test_mode: bool = False
    hash_algorithm: Literal["md5", "sha1", "sha256", "sha384", "sha512", "ripemd160"] = "md5"
    allowed_ips: AddressList = Field(default=list(ROBOKASSA_SENDERS))
