"""What an operator configures for Stripe."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

API_BASE: Final = "https://api.stripe.com"
API_VERSION: Final = "2024-06-20"  # pinned: the account's default may change under us
MIN_TTL_MINUTES: Final = 30
MAX_TTL_MINUTES: Final = 24 * 60


@dataclass(frozen=True, slots=True)
class StripeConfig:
    """`secret_key`: `sk_live_…`/`sk_test_…` (or a restricted `rk_…` key with Checkout
    Sessions write, PaymentIntents read, Refunds write). `webhook_secret`: the `whsec_…`
    of this endpoint (one per endpoint and per mode). `test_mode`: accept only
    `livemode: false` events and require a test key; live mode the opposite.
    `success_url`/`cancel_url`: where Checkout sends the customer back (usually the bot's
    t.me link); a request's own `return_url` wins over `success_url`.
    """

    secret_key: str
    webhook_secret: str
    success_url: str
    cancel_url: str | None = None
    test_mode: bool = False
    currencies: frozenset[str] = frozenset({"USD", "EUR"})
    checkout_ttl_minutes: int = 60
    tolerance_seconds: int = 300
    api_base: str = API_BASE
    api_version: str = API_VERSION

    def __post_init__(self) -> None:
        mode = "test" if self.test_mode else "live"
        if not self.secret_key.startswith((f"sk_{mode}_", f"rk_{mode}_")):
            raise ValueError(f"Stripe in {mode} mode needs an sk_{mode}_ or rk_{mode}_ key")
        if not self.webhook_secret.startswith("whsec_"):
            raise ValueError("the Stripe webhook secret starts with whsec_")
        if not MIN_TTL_MINUTES <= self.checkout_ttl_minutes <= MAX_TTL_MINUTES:
            raise ValueError("Stripe Checkout expires after 30 minutes to 24 hours")
        if self.tolerance_seconds <= 0:
            raise ValueError("the signature tolerance must be positive")
