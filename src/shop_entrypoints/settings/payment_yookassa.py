"""`payments.yookassa`: YooKassa (card, SBP, YooMoney) for RUB.

Secrets are `SecretStr` and required only when the provider is enabled. A test shop has its
own shopId and a `test_…` secret key; `test_mode` must match the key (checked here, so a
wrong pair fails at start-up, not at the first payment).
"""

from __future__ import annotations

from pydantic import Field, SecretStr

from shop_entrypoints.settings.payment_section import AddressList, Currencies, ProviderSettings

#: yookassa.ru/developers/using-api/webhooks#ip; the same list as the adapter's
#: SENDER_NETWORKS (a test keeps them equal; settings do not import adapters).
YOOKASSA_SENDERS = (
    "185.71.76.0/27",
    "185.71.77.0/27",
    "77.75.153.0/25",
    "77.75.154.128/25",
    "77.75.156.11",
    "77.75.156.35",
    "2a02:5180::/32",
)


class YooKassaSettings(ProviderSettings):
    section = "payments.yookassa"
    required_when_enabled = ("shop_id", "secret_key", "return_url")

    shop_id: str | None = Field(default=None, pattern=r"^[0-9]+$")
    secret_key: SecretStr | None = None
    test_mode: bool = False
    return_url: str | None = Field(default=None, pattern=r"^https://")
    currencies: Currencies = Field(default=["RUB"], min_length=1)
    allowed_ips: AddressList = Field(default=list(YOOKASSA_SENDERS), min_length=1)

    def _check_when_enabled(self) -> None:
        prefix = "test_" if self.test_mode else "live_"
        if self.secret_key is not None and not self.secret_key.get_secret_value().startswith(
            prefix
        ):
            msg = f"payments.yookassa.test_mode={self.test_mode} needs a {prefix}… secret key"
            raise ValueError(msg)
