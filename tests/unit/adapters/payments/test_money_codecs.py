from decimal import Decimal

import pytest

from shop_adapters.payments.money_codecs import (
    from_decimal_string,
    from_minor_units,
    parse_decimal,
    same_amount,
    to_decimal_string,
    to_minor_units,
)
from shop_domain.errors import InvalidMoneyError
from shop_domain.model.money import Money


@pytest.mark.parametrize(
    ("money", "minor", "text"),
    [
        (Money.of("199.00", "RUB"), 19900, "199.00"),
        (Money.of("0.01", "USD"), 1, "0.01"),
        (Money.of("500", "JPY"), 500, "500"),
        (Money.of("250", "XTR"), 250, "250"),
    ],
)
def test_outbound_formats_round_trip_exactly(money: Money, minor: int, text: str) -> None:
    assert to_minor_units(money) == minor
    assert to_decimal_string(money) == text
    assert from_minor_units(minor, money.currency.lower()) == money
    assert from_decimal_string(text, money.currency) == money


def test_robokassa_six_decimals_read_as_the_same_amount() -> None:
    assert from_decimal_string("100.000000", "RUB") == Money.of("100.00", "RUB")
    assert same_amount("100.000000", Money.of("100", "RUB"))
    assert not same_amount("100.010000", Money.of("100", "RUB"))
    assert not same_amount("1e2", Money.of("100", "RUB"))


@pytest.mark.parametrize(
    "text",
    ["", " 1", "1 ", "+1", "-1", "1e2", "NaN", "Infinity", "1_000", "1,00", "01", ".5", "5.",
     "\u0661\u0660\u0660", "0x10", "1" * 30, "1.0000000000001"],
)  # fmt: skip
def test_only_plain_decimals_are_read(text: str) -> None:
    with pytest.raises(InvalidMoneyError):
        parse_decimal(text)


@pytest.mark.parametrize("value", [True, 1.0, "100", None, -1, 10**16])
def test_minor_units_must_be_a_plain_integer_in_range(value: object) -> None:
    with pytest.raises(InvalidMoneyError):
        from_minor_units(value, "RUB")


def test_extra_precision_or_unknown_currency_is_refused() -> None:
    with pytest.raises(InvalidMoneyError):
        from_decimal_string("100.005", "RUB")
    with pytest.raises(InvalidMoneyError):
        from_decimal_string("100.00", "XXX")
    assert parse_decimal("0.10") == Decimal("0.10")
