"""Signing and constant-time comparison, shared by every signed provider.

Comparisons work on bytes: `hmac.compare_digest` refuses non-ASCII `str`, and an attacker
controls the header. A missing or empty signature never verifies.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from typing import Final

#: Digest names a provider may be configured with (Robokassa lets the shop choose).
DIGESTS: Final = frozenset({"md5", "sha1", "sha256", "sha384", "sha512", "ripemd160"})


def hmac_sha256_hex(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def digest_hex(algorithm: str, message: str) -> str:
    """Plain (unkeyed) digest of UTF-8 text, lower-case hex; Robokassa signs this way."""
    if algorithm not in DIGESTS:
        raise ValueError(f"unsupported digest {algorithm!r}")
    return hashlib.new(algorithm, message.encode(), usedforsecurity=False).hexdigest()


def ensure_digest_available(algorithm: str) -> None:
    """Fail at start-up, not at the first payment, if OpenSSL lacks the digest (ripemd160)."""
    digest_hex(algorithm, "")


def signatures_equal(received: str | None, expected: str, *, ignore_case: bool = False) -> bool:
    """Constant time in the length of `expected`; `ignore_case` for hex some providers
    send in upper case (Robokassa, FreeKassa)."""
    if not received or not received.isascii():
        return False  # hex is ASCII; this also keeps lone surrogates away from encode()
    if ignore_case:
        received, expected = received.lower(), expected.lower()
    return hmac.compare_digest(received.encode(), expected.encode())


def any_signature_equal(received: Sequence[str], expected: str) -> bool:
    """True if one of several candidates matches (Stripe sends a v1 per active secret).
    Every candidate is compared, so timing does not tell which one matched."""
    matches = [signatures_equal(candidate, expected) for candidate in received]
    return any(matches)
