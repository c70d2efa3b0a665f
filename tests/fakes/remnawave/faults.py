"""Fault injection: the next matching requests fail as a proxy, CDN or broken panel would."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase


@dataclass
class Fault:
    method: str
    path_pattern: str  # fnmatch pattern over the path, e.g. "/api/users/*"
    status: int | None
    error_code: str | None
    drop: bool
    retry_after: str | None
    times: int

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and method == self.method and fnmatchcase(path, self.path_pattern)


class Faults:
    def __init__(self) -> None:
        self._rules: list[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.status is None and fault.error_code is None and not fault.drop:
            msg = "a fault needs status, error_code or drop=True"
            raise ValueError(msg)
        self._rules.append(fault)

    def take(self, method: str, path: str) -> Fault | None:
        for rule in self._rules:
            if rule.matches(method, path):
                rule.times -= 1
                return rule
        return None
