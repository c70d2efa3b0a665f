"""The route table: method, path pattern, handler, token scope and the dialects that have it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fakes.remnawave.panel import FakePanel

BOTH = frozenset({2, 3})
V3 = frozenset({3})
V2 = frozenset({2})


@dataclass(frozen=True, slots=True)
class Call:
    panel: FakePanel
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any  # parsed JSON, or None without a body


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    payload: Any = None  # wrapped as {"response": payload}; None with 204 means no body
    empty: bool = False


Handler = Callable[[Call], Reply]


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    resource: str
    name: str
    dialects: frozenset[int] = BOTH
    public: bool = False

    @property
    def kind(self) -> str:
        return "read" if self.method == "GET" or self.name == "resolve" else "write"

    def allows(self, scopes: Sequence[str]) -> bool:
        wanted = {"*", f"{self.resource}:*", f"{self.resource}:{self.kind}"}
        wanted.add(f"{self.resource}:{self.name}")
        return bool(wanted & set(scopes))


def route(
    method: str,
    pattern: str,
    handler: Handler,
    resource: str,
    name: str,
    dialects: frozenset[int] = BOTH,
    *,
    public: bool = False,
) -> Route:
    return Route(method, re.compile(pattern), handler, resource, name, dialects, public)


def find(
    routes: Sequence[Route], dialect: int, method: str, path: str
) -> tuple[Route, dict[str, str]] | None:
    for candidate in routes:
        if method != candidate.method or dialect not in candidate.dialects:
            continue
        match = candidate.pattern.fullmatch(path)
        if match is not None:
            return candidate, match.groupdict()
    return None
