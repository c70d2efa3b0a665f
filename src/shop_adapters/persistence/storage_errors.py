"""Driver errors never cross the port: they become the domain's storage errors.

Only a lost race is a ConcurrentUpdateError: a unique or primary-key violation (someone else
stored that key first), a serialisation failure or a deadlock. Callers treat it as "somebody
else did it" (a double tap, a replayed webhook). A foreign-key, CHECK or NOT NULL violation is
a bug, not a race, so it is a plain StorageError and is never mistaken for a harmless duplicate.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from shop_domain.errors import ConcurrentUpdateError, StorageError

# PostgreSQL SQLSTATEs: unique_violation, serialization_failure, deadlock_detected.
_LOST_RACE_SQLSTATES = frozenset({"23505", "40001", "40P01"})
_LOST_RACE_SQLITE_CODES = frozenset(
    {sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY}
)


@contextmanager
def translated_errors() -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as error:
        if is_lost_race(error):
            raise ConcurrentUpdateError(_summary(error)) from error
        raise StorageError(_summary(error)) from error
    except OSError as error:  # the database went away mid-query
        raise StorageError(type(error).__name__) from error


def is_lost_race(error: SQLAlchemyError) -> bool:
    if not isinstance(error, DBAPIError):
        return False
    original = error.orig
    if getattr(original, "sqlstate", None) in _LOST_RACE_SQLSTATES:
        return True
    return getattr(original, "sqlite_errorcode", None) in _LOST_RACE_SQLITE_CODES


def _summary(error: SQLAlchemyError) -> str:
    """The driver's message without parameters (they may hold personal data)."""
    original = getattr(error, "orig", None)
    first_line = str(original).splitlines()[0] if original else ""
    return f"{type(error).__name__}: {first_line}"
