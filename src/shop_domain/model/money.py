"""Money as an exact Decimal amount in an ISO currency; never a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

from shop_domain.errors import CurrencyMismatchError, InvalidMoneyError

# Minor-unit exponents. XTR (Telegram Stars) has no minor unit.
_EXPONENTS: Final[dict[str, int]] = {
    "XTR": 0,
    "RUB": 2,
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "UAH": 2,
    "KZT": 2,
    "BYN": 2,
    "UZS": 2,
    "TRY": 2,
    "USDT": 2,
    "TON": 2,
    "JPY": 0,
    "KRW": 0,
}


def currency_exponent(currency: str) -> int:
    """Number of minor-unit digits of `currency`; unknown currencies are refused."""
    try:
        return _EXPONENTS[currency]
    except KeyError:
        raise InvalidMoneyError(f"unsupported currency {currency!r}") from None


def supported_currencies() -> frozenset[str]:
    return frozenset(_EXPONENTS)


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount of one currency, always quantised to the currency's minor unit."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise InvalidMoneyError("money amounts must be Decimal, never float")
        if not self.amount.is_finite():
            raise InvalidMoneyError("money amount must be finite")
        exponent = currency_exponent(self.currency)
        quantum = Decimal(1).scaleb(-exponent)
        try:
            exact = self.amount.quantize(quantum)
        except InvalidOperation:
            raise InvalidMoneyError(f"amount {self.amount} is too large") from None
        if exact != self.amount:
            raise InvalidMoneyError(f"{self.amount} has more precision than {self.currency} allows")
        object.__setattr__(self, "amount", exact)

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        if isinstance(amount, float):  # defensive: the type says never, callers may lie
            raise InvalidMoneyError("money amounts must be Decimal, never float")
        try:
            return cls(Decimal(amount), currency)
        except InvalidOperation:
            raise InvalidMoneyError(f"{amount!r} is not a number") from None

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def from_minor(cls, minor_units: int, currency: str) -> Money:
        return cls(Decimal(minor_units).scaleb(-currency_exponent(currency)), currency)

    def to_minor(self) -> int:
        return int(self.amount.scaleb(currency_exponent(self.currency)))

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(f"{self.currency} vs {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same_currency(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same_currency(other)
        return self.amount <= other.amount

    def percent_off(self, percent: int) -> Money:
        """The amount after a `percent` discount, rounded half-up to the minor unit."""
        if not 0 <= percent <= 100:  # noqa: PLR2004 - a percentage is bounded by 100
            raise InvalidMoneyError(f"discount {percent}% is outside 0..100")
        quantum = Decimal(1).scaleb(-currency_exponent(self.currency))
        discounted = (self.amount * (100 - percent) / 100).quantize(quantum, ROUND_HALF_UP)
        return Money(discounted, self.currency)

    @property
    def is_positive(self) -> bool:
        return self.amount > 0

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
