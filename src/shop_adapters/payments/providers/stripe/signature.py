"""`Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]` verification.

HMAC-SHA256 keyed with the endpoint's `whsec_…` over `"{t}." + raw body`. Any `v1` may
match (Stripe signs with every active secret while one is being rolled). Unlike the SDK,
which only rejects old timestamps, a timestamp more than `tolerance` seconds in the future
is refused too: a signed payload from the future is a clock or a forgery problem.
"""

from __future__ import annotations

from typing import Final

from shop_adapters.payments.signatures import any_signature_equal, hmac_sha256_hex
from shop_domain.errors import NotificationUntrustedError

HEADER: Final = "stripe-signature"
_MAX_HEADER: Final = 4096
_MAX_TIMESTAMP_DIGITS: Final = 12


def parse_signature_header(value: str) -> tuple[int, list[str]]:
    """The first `t` and every `v1`; anything unreadable makes the request untrusted."""
    if len(value) > _MAX_HEADER:
        raise NotificationUntrustedError("Stripe-Signature header too long")
    timestamps: list[str] = []
    signatures: list[str] = []
    for item in value.split(","):
        key, _, element = item.strip().partition("=")
        if key == "t":
            timestamps.append(element)
        elif key == "v1" and element:
            signatures.append(element)
    if not timestamps or not signatures:
        raise NotificationUntrustedError("Stripe-Signature lacks a timestamp or a v1 signature")
    stamp = timestamps[0]
    if not stamp.isascii() or not stamp.isdigit() or len(stamp) > _MAX_TIMESTAMP_DIGITS:
        raise NotificationUntrustedError("Stripe-Signature timestamp is not a number")
    return int(stamp), signatures


def verify_signature(value: str, body: bytes, secret: str, *, now: float, tolerance: int) -> None:
    timestamp, signatures = parse_signature_header(value)
    expected = hmac_sha256_hex(secret.encode(), f"{timestamp}.".encode() + body)
    if not any_signature_equal(signatures, expected):
        raise NotificationUntrustedError("no Stripe v1 signature matches")
    if abs(now - timestamp) > tolerance:
        raise NotificationUntrustedError("Stripe signature timestamp outside the tolerance")
