"""Amounts on the wire, exact in both directions: never a float (contract §12.1).

Outbound, a `Money` becomes what the provider expects: an int of minor units (Stripe,
Tribute), or a decimal string with the currency's number of places (CryptoPay, YooKassa,
PayPal, Robokassa). Inbound, a provider's value becomes a `Money` only if it is exactly
representable in the currency's minor unit; "100.000000" is 100.00, "100.005" is refused.
A signature is always checked over the string as received, before any of this.

Every inbound failure raises `InvalidMoneyError` (a `ValueError`), which the notification
guard in `inbound.py` turns into `NotificationMalformedError`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

from shop_domain.errors import InvalidMoneyError
from shop_domain.model.money import Money, currency_exponent

# Plain decimal notation only: no sign, exponent, whitespace, "NaN", "Infinity" or "1_000".
_DECIMAL: Final = re.compile(r"(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,12})?")
_MAX_MINOR: Final = 10**15  # far above any VPN subscription, far below float trouble


def to_minor_units(money: Money) -> int:
    """Stripe's `unit_amount`: 199.00 RUB -> 19900; 500 JPY -> 500."""
    return money.to_minor()


def from_minor_units(value: object, currency: str) -> Money:
    """A JSON integer of minor units (currency in any case); bools, floats, strings refused."""
    if type(value) is not int:
        raise InvalidMoneyError(f"minor units must be an integer, got {type(value).__name__}")
    if not 0 <= value <= _MAX_MINOR:
        raise InvalidMoneyError(f"minor units {value} out of range")
    return Money.from_minor(value, currency.upper())


def to_decimal_string(money: Money) -> str:
    """'199.00' for RUB, '500' for JPY: the currency's exact number of places."""
    places = currency_exponent(money.currency)
    return f"{money.amount:.{places}f}"


def parse_decimal(text: object) -> Decimal:
    """A non-negative decimal from its plain textual form, e.g. Robokassa's '100.000000'."""
    if not isinstance(text, str) or _DECIMAL.fullmatch(text) is None:
        raise InvalidMoneyError(f"{text!r} is not a plain decimal amount")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise InvalidMoneyError(f"{text!r} is not a number") from None


def from_decimal_string(text: object, currency: str) -> Money:
    """Money from a decimal string; trailing zeros are fine, extra precision is not."""
    return Money(parse_decimal(text), currency.upper())


def same_amount(received: str, expected: Money) -> bool:
    """Compare an as-received decimal string with our amount as numbers, not as text."""
    try:
        return parse_decimal(received) == expected.amount
    except InvalidMoneyError:
        return False
