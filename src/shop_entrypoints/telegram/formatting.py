"""How money, dates and traffic read in each language."""

from __future__ import annotations

from datetime import datetime

from shop_domain.model.customers import Language
from shop_domain.model.money import Money
from shop_domain.model.plans import GIB

_SYMBOLS = {"RUB": "₽", "XTR": "⭐", "USD": "$", "EUR": "€"}
_PREFIXED = frozenset({"USD", "EUR"})


def format_money(money: Money) -> str:
    """`199 ₽`, `179.10 ₽`, `150 ⭐`, `$4.99`, `12 USDT`."""
    amount = money.amount
    text = f"{amount:f}" if amount != amount.to_integral_value() else f"{amount:.0f}"
    symbol = _SYMBOLS.get(money.currency)
    if symbol is None:
        return f"{text} {money.currency}"
    return f"{symbol}{text}" if money.currency in _PREFIXED else f"{text} {symbol}"


def format_date(moment: datetime, language: Language) -> str:
    if language is Language.RU:
        return moment.strftime("%d.%m.%Y")
    return moment.strftime("%b %d, %Y").replace(" 0", " ")


def format_traffic(size_bytes: int) -> str:
    """Gigabytes with at most one decimal: `0`, `1.5`, `100`."""
    gigabytes = round(size_bytes / GIB, 1)
    return f"{gigabytes:g}"
