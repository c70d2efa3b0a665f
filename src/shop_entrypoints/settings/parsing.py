"""Parsers shared by the settings sections: lists and maps written as one env var."""

from __future__ import annotations

import json
from typing import Any


def comma_separated(value: Any) -> Any:
    """`"1, 2,3"` or `"[1,2,3]"` -> a list; anything else is left for pydantic to judge."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        return json.loads(text)
    return [part.strip() for part in text.split(",") if part.strip()]


def days_map(value: Any) -> Any:
    """`"30:7, 90:14"` or `'{"30": 7}'` -> {30: 7, 90: 14}; pydantic then checks the types."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("{"):
        return json.loads(text)
    result: dict[str, str] = {}
    for part in filter(None, (chunk.strip() for chunk in text.split(","))):
        days, sep, bonus = part.partition(":")
        if not sep:
            msg = "expected DAYS:BONUS pairs separated by commas, e.g. 30:7,90:14"
            raise ValueError(msg)
        result[days.strip()] = bonus.strip()
    return result
