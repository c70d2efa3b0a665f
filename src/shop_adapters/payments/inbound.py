"""Reading an inbound notification: headers, forms, JSON, and the one rule that matters.

The rule: `parse_notification` raises only `NotificationUntrustedError` (authenticity) or
`NotificationMalformedError` (shape). `malformed_guard()` turns every parsing failure a
provider's code can hit (bad UTF-8, bad JSON, a pydantic `ValidationError`, an amount that
is not exact, a missing key) into `NotificationMalformedError`, so an adapter wraps its
parsing in one `with` block instead of a ladder of `except` clauses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Final
from urllib.parse import parse_qsl

from shop_domain.errors import NotificationMalformedError, NotificationUntrustedError

_PARSING_ERRORS: Final = (ValueError, TypeError, KeyError, IndexError, ArithmeticError)
MAX_FIELDS: Final = 200


@contextmanager
def malformed_guard(what: str = "notification") -> Iterator[None]:
    """Re-raise parsing failures as NotificationMalformedError; untrusted errors pass through.

    `UnicodeDecodeError`, `json.JSONDecodeError`, `pydantic.ValidationError` and
    `InvalidMoneyError` are all `ValueError`s.
    """
    try:
        yield
    except NotificationUntrustedError:
        raise
    except _PARSING_ERRORS as error:
        raise NotificationMalformedError(f"malformed {what}: {type(error).__name__}") from error


def header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by case-insensitive name (the port promises lower case; be lenient)."""
    wanted = name.lower()
    value = headers.get(wanted)
    if value is not None:
        return value
    return next((v for k, v in headers.items() if k.lower() == wanted), None)


def require_header(headers: Mapping[str, str], name: str) -> str:
    """A signature header that must be present and non-empty, else the request is untrusted."""
    value = header(headers, name)
    if not value:
        raise NotificationUntrustedError(f"missing {name} header")
    return value


def parse_form(body: bytes) -> dict[str, str]:
    """An `application/x-www-form-urlencoded` body, values kept exactly as sent.

    Providers that sign form values (Robokassa, FreeKassa) are verified against these
    strings. A repeated field is refused: which copy was signed would be ambiguous.
    """
    with malformed_guard("form"):
        text = body.decode("utf-8", errors="strict")
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            strict_parsing=bool(text),
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
        fields: dict[str, str] = {}
        for key, value in pairs:
            if key in fields:
                raise ValueError(f"field {key!r} repeated")
            fields[key] = value
        return fields
