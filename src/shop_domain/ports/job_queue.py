from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

JobPayload = Mapping[str, str | int | bool | None]


class JobQueue(Protocol):
    """Hands work to the background workers (a real job engine behind it)."""

    async def enqueue(self, job: str, payload: JobPayload, *, delay_seconds: float = 0) -> None: ...
