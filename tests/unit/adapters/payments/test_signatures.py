import hashlib
import hmac

import pytest

from shop_adapters.payments.signatures import (
    any_signature_equal,
    digest_hex,
    ensure_digest_available,
    hmac_sha256_hex,
    signatures_equal,
)


def test_hmac_matches_the_standard_library() -> None:
    expected = hmac.new(b"key", b"body", hashlib.sha256).hexdigest()
    assert hmac_sha256_hex(b"key", b"body") == expected


def test_comparison_is_exact_unless_case_is_ignored() -> None:
    assert signatures_equal("abc123", "abc123")
    assert not signatures_equal("ABC123", "abc123")
    assert signatures_equal("ABC123", "abc123", ignore_case=True)


@pytest.mark.parametrize("received", [None, "", "abc12", "abc1234", "\ud800", "ä" * 6])
def test_missing_short_long_or_non_ascii_signatures_never_match(received: str | None) -> None:
    assert not signatures_equal(received, "abc123")


def test_any_of_several_candidates() -> None:
    assert any_signature_equal(["nope", "abc123"], "abc123")
    assert not any_signature_equal([], "abc123")


def test_digests_are_the_configured_algorithm() -> None:
    assert digest_hex("md5", "a:b") == hashlib.md5(b"a:b", usedforsecurity=False).hexdigest()
    assert digest_hex("sha512", "Пароль") == hashlib.sha512("Пароль".encode()).hexdigest()
    with pytest.raises(ValueError, match="unsupported"):
        ensure_digest_available("crc32")
