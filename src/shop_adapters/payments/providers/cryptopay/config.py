"""What an operator configures for CryptoPay."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

MAINNET_API: Final = "https://pay.crypt.bot"
TESTNET_API: Final = "https://testnet-pay.crypt.bot"  # with @CryptoTestnetBot and its own token

#: Order currencies CryptoPay takes as a crypto `asset`; anything else is priced as `fiat`.
CRYPTO_ASSETS: Final = frozenset({"USDT", "TON", "BTC", "ETH", "LTC", "BNB", "TRX", "USDC"})


@dataclass(frozen=True, slots=True)
class CryptoPayConfig:
    """`token`: the app's API token from @CryptoBot -> Crypto Pay -> My Apps (a secret; it
    also keys the webhook signature). `currencies`: order currencies offered, fiat (RUB, USD,
    ...) or crypto assets (USDT, TON). `accepted_assets`: for fiat invoices, which coins the
    customer may pay with (empty: CryptoPay's default). `invoice_ttl_seconds`: 1..2678400.
    """

    token: str
    currencies: frozenset[str] = frozenset({"RUB", "USD", "USDT"})
    testnet: bool = False
    accepted_assets: tuple[str, ...] = ()
    invoice_ttl_seconds: int = 3600
    api_base: str | None = None  # None: the mainnet or testnet URL above

    def __post_init__(self) -> None:
        if not self.token:
            raise ValueError("CryptoPay needs an API token")
        if not 1 <= self.invoice_ttl_seconds <= 2_678_400:  # noqa: PLR2004 - CryptoPay's limit
            raise ValueError("CryptoPay invoice TTL must be 1..2678400 seconds")

    @property
    def base_url(self) -> str:
        return self.api_base or (TESTNET_API if self.testnet else MAINNET_API)
