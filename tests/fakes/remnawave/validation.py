"""zod-like checks of request bodies and parameters: no coercion, one issue per bad field."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from tests.fakes.remnawave.problems import Issue, ValidationFailed

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MISSING = object()


def _received(value: object) -> str:
    if value is _MISSING:
        return "undefined"
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array"}.get(
        type(value), "object"
    )


def parse_iso(text: str) -> datetime | None:
    if not _ISO.fullmatch(text):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def is_uuid(text: object) -> bool:
    if not isinstance(text, str):
        return False
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return len(text) == 36


class Checker:
    """Reads fields from a JSON object, recording an issue for each value that fails."""

    def __init__(self, data: object, *, allow_missing_body: bool = False) -> None:
        self.issues: list[Issue] = []
        if data is None and allow_missing_body:
            data = {}
        if not isinstance(data, dict):
            self._type([], "object", data)
            data = {}
        self.data: dict[str, Any] = data

    def has(self, key: str) -> bool:
        return key in self.data

    def fail(self, path: list[str | int], message: str, code: str = "custom", **extra: Any) -> None:
        self.issues.append(Issue(code, path, message, extra))

    def done(self) -> None:
        if self.issues:
            raise ValidationFailed(self.issues)

    def _type(self, path: list[str | int], expected: str, value: object) -> None:
        message = f"Invalid input: expected {expected}, received {_received(value)}"
        self.fail(path, message, "invalid_type", expected=expected)

    def _get(self, key: str, expected: str, *, required: bool, nullable: bool) -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING:
            return _Bad(expected, value) if required else None
        if value is None:
            return None if nullable else _Bad(expected, value)
        return value

    def string(
        self,
        key: str,
        *,
        required: bool = False,
        nullable: bool = False,
        pattern: str | None = None,
        length: tuple[int, int] | None = None,
        message: str = "Invalid string",
    ) -> str | None:
        value = self._get(key, "string", required=required, nullable=nullable)
        if value is None:
            return None
        if not isinstance(value, str):
            self._type([key], "string", _unwrap(value))
            return None
        if length is not None and not length[0] <= len(value) <= length[1]:
            code, bound = (
                ("too_small", length[0]) if len(value) < length[0] else ("too_big", length[1])
            )
            self.fail(
                [key], f"Too {code[4:]}: expected string length {bound}", code, origin="string"
            )
            return None
        if pattern is not None and not re.fullmatch(pattern, value):
            self.fail([key], message, "invalid_format", origin="string", format="regex")
            return None
        return value

    def integer(
        self,
        key: str,
        *,
        required: bool = False,
        nullable: bool = False,
        minimum: int = 0,
        maximum: int | None = None,
    ) -> int | None:
        value = self._get(key, "number", required=required, nullable=nullable)
        if value is None:
            return None
        raw = _unwrap(value)
        if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != int(raw):
            self._type([key], "int" if isinstance(raw, float) else "number", raw)
            return None
        if raw < minimum:
            self.fail([key], f"Too small: expected number to be >={minimum}", "too_small")
            return None
        if maximum is not None and raw > maximum:
            self.fail([key], f"Too big: expected number to be <={maximum}", "too_big")
            return None
        return int(raw)

    def choice(
        self, key: str, values: Sequence[str], *, required: bool = False, nullable: bool = False
    ) -> str | None:
        value = self._get(key, "string", required=required, nullable=nullable)
        if value is None:
            return None
        if _unwrap(value) not in values:
            options = "|".join(f'"{v}"' for v in values)
            self.fail([key], f"Invalid option: expected one of {options}", "invalid_value")
            return None
        return str(value)

    def moment(self, key: str, *, required: bool = False) -> datetime | None:
        text = self.string(key, required=required)
        if text is None:
            return None
        parsed = parse_iso(text)
        if parsed is None:
            self.fail([key], "Invalid ISO datetime", "invalid_format", format="datetime")
        return parsed

    def uuid(self, key: str, *, nullable: bool = False) -> str | None:
        text = self.string(key, nullable=nullable)
        if text is not None and not is_uuid(text):
            self.fail([key], "Invalid UUID", "invalid_format", format="uuid")
            return None
        return text

    def uuid_list(self, key: str) -> list[str] | None:
        value = self.data.get(key)
        if value is None and key not in self.data:
            return None
        if not isinstance(value, list):
            self._type([key], "array", value)
            return None
        bad = [index for index, item in enumerate(value) if not is_uuid(item)]
        for index in bad:
            self.fail([key, index], "Invalid UUID", "invalid_format", format="uuid")
        return None if bad else [str(item) for item in value]

    def email(self, key: str) -> str | None:
        text = self.string(key, nullable=True)
        if text is not None and not _EMAIL.fullmatch(text):
            self.fail([key], "Invalid email address", "invalid_format", format="email")
            return None
        return text

    def boolean(self, key: str) -> bool | None:
        value = self._get(key, "boolean", required=False, nullable=False)
        if value is not None and not isinstance(value, bool):
            self._type([key], "boolean", _unwrap(value))
            return None
        return value if isinstance(value, bool) else None


class _Bad:
    """A required value that is missing."""

    def __init__(self, expected: str, value: object) -> None:
        self.expected = expected
        self.value = value


def _unwrap(value: object) -> object:
    return value.value if isinstance(value, _Bad) else value


def user_id_param(raw: str, name: str = "userId") -> int:
    if not raw.isdigit() or int(raw) <= 0:
        issue = Issue(
            "too_small", [name], "Too small: expected number to be >0", {"origin": "number"}
        )
        if not raw.lstrip("-").isdigit():
            issue = Issue("invalid_type", [name], "Invalid input: expected number, received NaN")
        raise ValidationFailed([issue])
    return int(raw)


def uuid_param(raw: str, name: str = "uuid") -> str:
    if not is_uuid(raw):
        raise ValidationFailed(
            [Issue("invalid_format", [name], "Invalid UUID", {"format": "uuid"})]
        )
    return raw
