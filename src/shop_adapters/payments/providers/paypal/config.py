"""What an operator configures for PayPal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

LIVE_API: Final = "https://api-m.paypal.com"
SANDBOX_API: Final = "https://api-m.sandbox.paypal.com"
#: PayPal retries a webhook for 3 days; a transmission older than this is refused.
MAX_AGE_SECONDS: Final = 4 * 24 * 3600
MAX_FUTURE_SKEW_SECONDS: Final = 300


@dataclass(frozen=True, slots=True)
class PayPalConfig:
    """`client_id`/`client_secret`: the REST app's credentials (sandbox apps have their own).
    `webhook_id`: the id PayPal shows for *our* webhook URL; verification binds to it, so an
    event signed for another listener is refused. `return_url`: where the customer ends up
    (usually the bot's t.me link). `capture_url`: our `https://<host>/payments/paypal`; when
    set, PayPal sends the approving customer there, the shop captures at once and redirects to
    `return_url`; when not, the capture happens on the `CHECKOUT.ORDER.APPROVED` webhook.
    """

    client_id: str
    client_secret: str
    webhook_id: str
    return_url: str
    sandbox: bool = False
    capture_url: str | None = None
    cancel_url: str | None = None
    brand_name: str | None = None
    currencies: frozenset[str] = frozenset({"USD", "EUR"})
    max_age_seconds: int = MAX_AGE_SECONDS
    api_base: str | None = None  # None: the live or sandbox host above

    def __post_init__(self) -> None:
        if not (self.client_id and self.client_secret and self.webhook_id):
            raise ValueError("PayPal needs the client id, the secret and the webhook id")
        for url in (self.return_url, self.capture_url, self.cancel_url):
            if url is not None and not url.startswith("https://"):
                raise ValueError(f"PayPal URLs must be https, not {url!r}")
        if self.max_age_seconds <= 0:
            raise ValueError("the webhook age limit must be positive")

    @property
    def base_url(self) -> str:
        return self.api_base or (SANDBOX_API if self.sandbox else LIVE_API)
