"""An in-memory implementation of every repository port and the unit of work.

The repository contract tests run it beside SQLite and PostgreSQL so it cannot drift.
"""

from tests.fakes.memory_store.store import MemoryStore
from tests.fakes.memory_store.unit_of_work import MemoryUnitOfWork

__all__ = ["MemoryStore", "MemoryUnitOfWork"]
