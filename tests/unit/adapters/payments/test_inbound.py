import json
from decimal import InvalidOperation

import pytest

from shop_adapters.payments.inbound import (
    header,
    malformed_guard,
    parse_form,
    require_header,
)
from shop_domain.errors import (
    InvalidMoneyError,
    NotificationMalformedError,
    NotificationUntrustedError,
)


@pytest.mark.parametrize(
    "error",
    [
        KeyError("x"),
        TypeError("x"),
        InvalidOperation(),
        InvalidMoneyError("x"),
        json.JSONDecodeError("x", "", 0),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"),
        IndexError("x"),
    ],
)
def test_parsing_errors_become_malformed(error: Exception) -> None:
    with pytest.raises(NotificationMalformedError), malformed_guard():
        raise error


def test_untrusted_passes_through_the_guard() -> None:
    with pytest.raises(NotificationUntrustedError) as raised, malformed_guard():
        raise NotificationUntrustedError("bad signature")
    assert type(raised.value) is NotificationUntrustedError


def test_headers_are_found_in_any_case() -> None:
    assert header({"stripe-signature": "a"}, "Stripe-Signature") == "a"
    assert header({"Stripe-Signature": "b"}, "stripe-signature") == "b"
    assert header({}, "stripe-signature") is None
    with pytest.raises(NotificationUntrustedError):
        require_header({"stripe-signature": ""}, "stripe-signature")


def test_form_values_are_kept_exactly() -> None:
    fields = parse_form(b"OutSum=100.000000&Shp_name=%D0%92%D0%B0%D1%81%D1%8F&Empty=")
    assert fields == {"OutSum": "100.000000", "Shp_name": "Вася", "Empty": ""}
    assert parse_form(b"") == {}


@pytest.mark.parametrize("body", [b"a=1&a=2", b"\xff=1", b"a=%ff", b"novalue&&"])
def test_ambiguous_or_invalid_forms_are_malformed(body: bytes) -> None:
    with pytest.raises(NotificationMalformedError):
        parse_form(body)
