"""Counting what the bot asks of the database, honestly.

On PostgreSQL every request asyncpg puts on the wire and waits for is one round trip: a
simple query (BEGIN, COMMIT, ROLLBACK, the pool's ping), a Parse/Describe (`prepare`, the
first time a connection sees a statement) and a Bind/Execute. They are counted where asyncpg
sends them, on the connection's protocol, so nothing SQLAlchemy does behind our back (pings,
lazy BEGIN, statement preparation) escapes. New connections are counted apart: their
handshake and codec set-up are a dozen round trips that a warm pool never pays.

SQLite has no wire; there the counter sees every statement the driver runs, BEGIN included.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

#: asyncpg protocol coroutines that each send one request and wait for its answer.
WIRE_METHODS = frozenset(
    {"query", "prepare", "bind_execute", "bind_execute_many", "close_statement"}
)


@dataclass
class Tally:
    round_trips: int = 0
    statements: int = 0
    connects: int = 0


class _CountingProtocol:
    """Stands in for an asyncpg connection's protocol and counts its wire requests."""

    def __init__(self, protocol: Any, counter: RoundTripCounter) -> None:
        self._protocol = protocol
        self._counter = counter

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._protocol, name)
        if name not in WIRE_METHODS:
            return attribute

        def counted(*args: Any, **kwargs: Any) -> Any:
            self._counter.tally.round_trips += 1
            return attribute(*args, **kwargs)

        return counted


class RoundTripCounter:
    def __init__(self, engine: AsyncEngine) -> None:
        self.tally = Tally()
        self.is_postgresql = engine.dialect.name == "postgresql"
        sync_engine = engine.sync_engine
        event.listen(sync_engine, "connect", self._on_connect)
        event.listen(sync_engine, "before_cursor_execute", self._on_statement)

    def _on_connect(self, dbapi_connection: Any, _: object) -> None:
        self.tally.connects += 1
        driver = getattr(dbapi_connection, "driver_connection", None)
        if self.is_postgresql and driver is not None:
            driver._protocol = _CountingProtocol(driver._protocol, self)

    def _on_statement(self, *_: object) -> None:
        self.tally.statements += 1

    def per_request(self) -> int:
        """Round trips on PostgreSQL, statements on SQLite."""
        return self.tally.round_trips if self.is_postgresql else self.tally.statements

    @contextmanager
    def measure(self) -> Iterator[Tally]:
        """Yields a Tally that holds what happened inside the block once it ends."""
        before = Tally(**vars(self.tally))
        delta = Tally()
        try:
            yield delta
        finally:
            delta.round_trips = self.tally.round_trips - before.round_trips
            delta.statements = self.tally.statements - before.statements
            delta.connects = self.tally.connects - before.connects
