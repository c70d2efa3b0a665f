from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shop_domain.errors import CurrencyMismatchError, InvalidMoneyError
from shop_domain.model.money import Money, currency_exponent, supported_currencies

currencies = st.sampled_from(sorted(supported_currencies()))


@given(currency=currencies, minor=st.integers(min_value=-(10**12), max_value=10**12))
def test_money_minor_units_round_trip(currency: str, minor: int) -> None:
    assert Money.from_minor(minor, currency).to_minor() == minor


@given(
    currency=currencies,
    a=st.integers(min_value=0, max_value=10**10),
    b=st.integers(min_value=0, max_value=10**10),
)
def test_money_addition_is_exact_in_minor_units(currency: str, a: int, b: int) -> None:
    total = Money.from_minor(a, currency) + Money.from_minor(b, currency)
    assert total.to_minor() == a + b
    assert (total - Money.from_minor(b, currency)).to_minor() == a


@given(minor=st.integers(min_value=1, max_value=10**9), percent=st.integers(0, 100))
def test_money_percent_off_never_exceeds_the_price(minor: int, percent: int) -> None:
    price = Money.from_minor(minor, "RUB")
    discounted = price.percent_off(percent)
    assert Money.zero("RUB") <= discounted <= price
    assert discounted.to_minor() == (minor * (100 - percent) * 2 + 100) // 200


def test_money_xtr_has_no_minor_unit() -> None:
    assert currency_exponent("XTR") == 0
    assert Money.of(150, "XTR").to_minor() == 150
    with pytest.raises(InvalidMoneyError):
        Money.of("1.5", "XTR")


def test_money_rub_has_two_minor_digits() -> None:
    assert Money.of("199.9", "RUB").amount == Decimal("199.90")
    assert Money.of("199.90", "RUB").to_minor() == 19990
    assert str(Money.of("5", "USD")) == "5.00 USD"


def test_money_refuses_floats() -> None:
    with pytest.raises(InvalidMoneyError):
        Money(1.5, "RUB")  # type: ignore[arg-type]
    with pytest.raises(InvalidMoneyError):
        Money.of(1.5, "RUB")  # type: ignore[arg-type]


def test_money_refuses_nonsense() -> None:
    with pytest.raises(InvalidMoneyError):
        Money.of("abc", "RUB")
    with pytest.raises(InvalidMoneyError):
        Money(Decimal("NaN"), "RUB")
    with pytest.raises(InvalidMoneyError):
        Money.of("1", "DOGE")
    with pytest.raises(InvalidMoneyError):
        Money(Decimal("1e30"), "RUB")
    with pytest.raises(InvalidMoneyError):
        Money.of("1", "RUB").percent_off(101)


def test_money_refuses_mixing_currencies() -> None:
    with pytest.raises(CurrencyMismatchError):
        Money.of("1", "RUB") + Money.of("1", "USD")
    with pytest.raises(CurrencyMismatchError):
        _ = Money.of("1", "RUB") < Money.of("1", "USD")


def test_money_comparisons_and_sign() -> None:
    assert Money.of("1", "RUB") < Money.of("2", "RUB")
    assert Money.of("2", "RUB") <= Money.of("2", "RUB")
    assert Money.of("2", "RUB").is_positive
    assert not Money.zero("RUB").is_positive
