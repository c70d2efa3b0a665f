"""The panel's error bodies: coded errors, zod-like validation, NestJS defaults (§2, §6)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATALOGUE: dict[str, tuple[int, str]] = {
    "A018": (500, "Failed to create user"),
    "A019": (400, "User username already exists"),
    "A020": (400, "User short UUID already exists"),
    "A025": (404, "User not found"),
    "A027": (500, "Revoke user subscription error"),
    "A029": (400, "User already disabled"),
    "A030": (400, "User already enabled"),
    "A039": (500, "Update user error"),
    "A063": (404, "User with specified params not found"),
    "A098": (400, "User hwid device already exists"),
    "A099": (400, "User hwid device limit reached"),
    "A118": (404, "Internal squad not found"),
    "A204": (404, "HWID device not found"),
}

# zod 4 issue codes and their zod 3 wording, for the 2.x dialect.
ZOD3_CODES = {"invalid_format": "invalid_string", "invalid_value": "invalid_enum_value"}


class PanelProblem(Exception):  # noqa: N818 - mirrors the panel's exception filter
    """Raised by handlers; the pipeline renders it."""


class CodedError(PanelProblem):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
        self.status, self.message = CATALOGUE[code]

    def body(self, timestamp: str, path: str) -> dict[str, Any]:
        if self.status == 403:
            return {
                "timestamp": timestamp,
                "path": path,
                "message": "Forbidden",
                "errorCode": "E000",
            }
        return {
            "timestamp": timestamp,
            "path": path,
            "message": self.message,
            "errorCode": self.code,
        }


@dataclass
class Issue:
    code: str
    path: list[str | int]
    message: str
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self, dialect: int) -> dict[str, Any]:
        code = ZOD3_CODES.get(self.code, self.code) if dialect == 2 else self.code
        return {"code": code, **self.extra, "path": self.path, "message": self.message}


class ValidationFailed(PanelProblem):
    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("Validation failed")
        self.issues = issues

    def body(self, dialect: int) -> dict[str, Any]:
        return {
            "statusCode": 400,
            "message": "Validation failed",
            "errors": [issue.as_json(dialect) for issue in self.issues],
        }


def not_found_route(method: str, path: str) -> dict[str, Any]:
    return {"message": f"Cannot {method} {path}", "error": "Not Found", "statusCode": 404}


UNAUTHORIZED = {"message": "Unauthorized", "statusCode": 401}
FORBIDDEN = {"message": "Forbidden resource", "error": "Forbidden", "statusCode": 403}
