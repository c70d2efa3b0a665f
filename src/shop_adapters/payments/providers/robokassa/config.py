"""What an operator configures for Robokassa."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from shop_adapters.payments.signatures import ensure_digest_available

CHECKOUT_URL: Final = "https://auth.robokassa.ru/Merchant/Index.aspx"
SERVICE_URL: Final = "https://auth.robokassa.ru/Merchant/WebService/Service.asmx"
#: Where Robokassa sends ResultURL notifications from (docs: notifications-and-redirects).
SENDER_IPS: Final = ("185.59.216.65", "185.59.217.65")


@dataclass(frozen=True, slots=True)
class RobokassaConfig:
    """`password1` signs the checkout URL, `password2` the ResultURL notification and the
    status query; in test mode both are the shop's separate *test* passwords.
    `hash_algorithm`: the one chosen in the shop's technical settings (md5, sha1, sha256,
    sha384, sha512; ripemd160 only where OpenSSL still has it). `allowed_ips`: senders of
    ResultURL, checked fail-closed (the web layer must resolve the client IP behind a proxy).
    """

    merchant_login: str
    password1: str
    password2: str
    test_mode: bool = False
    hash_algorithm: str = "md5"
    allowed_ips: tuple[str, ...] = SENDER_IPS
    checkout_url: str = CHECKOUT_URL
    service_url: str = SERVICE_URL

    def __post_init__(self) -> None:
        if not (self.merchant_login and self.password1 and self.password2):
            raise ValueError("Robokassa needs the merchant login and passwords #1 and #2")
        if self.password1 == self.password2:
            raise ValueError("Robokassa passwords #1 and #2 must differ")
        ensure_digest_available(self.hash_algorithm)
