"""Driver errors never cross the port: they become the domain's storage errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from shop_domain.errors import ConcurrentUpdateError, StorageError

_SERIALISATION_FAILURES = ("40001", "40P01")  # serialization failure, deadlock detected


@contextmanager
def translated_errors() -> Iterator[None]:
    try:
        yield
    except IntegrityError as error:
        raise ConcurrentUpdateError(_summary(error)) from error
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", None) in _SERIALISATION_FAILURES:
            raise ConcurrentUpdateError(_summary(error)) from error
        raise StorageError(_summary(error)) from error
    except SQLAlchemyError as error:
        raise StorageError(_summary(error)) from error
    except OSError as error:  # the database went away mid-query
        raise StorageError(type(error).__name__) from error


def _summary(error: SQLAlchemyError) -> str:
    """The driver's message without parameters (they may hold personal data)."""
    original = getattr(error, "orig", None)
    first_line = str(original).splitlines()[0] if original else ""
    return f"{type(error).__name__}: {first_line}"
