"""`payments.paypal`: PayPal Checkout (Orders v2), live or sandbox.

The client id and secret come from the REST app (*Apps & Credentials*); sandbox apps have
their own pair. `webhook_id` is the id PayPal shows for our webhook URL: verification is
bound to it. Secrets are `SecretStr` and required only when the provider is enabled.
"""

from __future__ import annotations

from pydantic import Field, SecretStr

from shop_entrypoints.settings.payment_section import Currencies, ProviderSettings

_HTTPS = r"^https://"


class PayPalSettings(ProviderSettings):
    section = "payments.paypal"
    required_when_enabled = ("client_id", "client_secret", "webhook_id", "return_url")

    client_id: str | None = None
    client_secret: SecretStr | None = None
    webhook_id: str | None = None
    sandbox: bool = False
    return_url: str | None = Field(default=None, pattern=_HTTPS)
    capture_url: str | None = Field(default=None, pattern=_HTTPS)
    cancel_url: str | None = Field(default=None, pattern=_HTTPS)
    brand_name: str | None = Field(default=None, max_length=127)
    currencies: Currencies = Field(default=["USD", "EUR"], min_length=1)
    max_webhook_age_hours: int = Field(default=96, ge=1, le=30 * 24)
