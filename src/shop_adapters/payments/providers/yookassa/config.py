"""What an operator configures for YooKassa."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

API_BASE: Final = "https://api.yookassa.ru"
#: Where YooKassa sends notifications from (yookassa.ru/developers/using-api/webhooks#ip).
SENDER_NETWORKS: Final = (
    "185.71.76.0/27",
    "185.71.77.0/27",
    "77.75.153.0/25",
    "77.75.154.128/25",
    "77.75.156.11",
    "77.75.156.35",
    "2a02:5180::/32",
)


@dataclass(frozen=True, slots=True)
class YooKassaConfig:
    """`shop_id`: the numeric shopId; `secret_key`: `live_…`, or `test_…` for a test shop
    (which has its own shopId). `test_mode` must match the key, and notifications whose
    payment is `test: true` are accepted only in test mode (and the reverse).
    `return_url`: where YooKassa sends the customer after paying (usually the bot's t.me
    link); a request's own `return_url` wins. `allowed_ips`: notification senders, checked
    fail-closed; the web layer must resolve the client IP behind a trusted proxy.
    """

    shop_id: str
    secret_key: str
    return_url: str
    test_mode: bool = False
    currencies: frozenset[str] = frozenset({"RUB"})
    allowed_ips: tuple[str, ...] = SENDER_NETWORKS
    api_base: str = API_BASE

    def __post_init__(self) -> None:
        if not (self.shop_id.isascii() and self.shop_id.isdigit()):
            raise ValueError("the YooKassa shopId is a number")
        prefix = "test_" if self.test_mode else "live_"
        if not self.secret_key.startswith(prefix):
            mode = "test" if self.test_mode else "live"
            raise ValueError(f"YooKassa in {mode} mode needs a secret key starting {prefix}")
        if not self.return_url.startswith("https://"):
            raise ValueError("the YooKassa return URL must be https")
