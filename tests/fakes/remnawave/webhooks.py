"""The webhook outbox: signed payloads queued by events, delivered with retries (spec §7).

Test switches make delivery misbehave the way a real at-least-once queue may: duplicate,
reorder, hold back (delay) or corrupt the signature of queued deliveries.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.fakes.remnawave.serialise import dumps

WebhookSink = Callable[[str, bytes, Mapping[str, str]], Awaitable[int]]
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9]{32,}$")
RETRIES = 3


def sign(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class QueuedEvent:
    event: str
    timestamp: str
    body: bytes  # serialised once, when the event happened

    @classmethod
    def of(cls, payload: dict[str, Any]) -> QueuedEvent:
        return cls(payload["event"], payload["timestamp"], dumps(payload))


@dataclass(frozen=True, slots=True)
class Delivery:
    url: str
    status: int  # 0 when the receiver could not be reached
    body: bytes
    headers: dict[str, str]


@dataclass
class Outbox:
    secret: str
    urls: list[str]
    sink: WebhookSink | None
    client: httpx.AsyncClient | None = None
    retry_delay_seconds: float = 0.0
    pending: list[QueuedEvent] = field(default_factory=list)
    delivered: list[Delivery] = field(default_factory=list)
    failures: list[Delivery] = field(default_factory=list)
    held: list[QueuedEvent] = field(default_factory=list)
    corrupt_signatures: bool = False

    def emit(self, payload: dict[str, Any]) -> None:
        self.pending.append(QueuedEvent.of(payload))

    def duplicate(self, times: int = 2) -> None:
        self.pending = [event for event in self.pending for _ in range(times)]

    def reorder(self) -> None:
        self.pending.reverse()

    def delay(self, event: str | None = None) -> None:
        """Hold matching queued deliveries back until the flush after the next one."""
        self.held += [item for item in self.pending if event in (None, item.event)]
        self.pending = [item for item in self.pending if event not in (None, item.event)]

    def headers(self, item: QueuedEvent) -> dict[str, str]:
        signature = sign(self.secret, item.body)
        if self.corrupt_signatures:
            signature = sign(self.secret + "x", item.body)
        return {
            "Content-Type": "application/json",
            "User-Agent": "Remnawave",
            "X-Remnawave-Signature": signature,
            "X-Remnawave-Timestamp": item.timestamp,
        }

    async def flush(self) -> list[Delivery]:
        batch, self.pending, self.held = self.pending, self.held, []
        results: list[Delivery] = []
        if self.client is not None:
            return [await self._deliver(self.client, u, item) for item in batch for u in self.urls]
        async with httpx.AsyncClient(timeout=10) as client:
            for item in batch:
                for url in self.urls:
                    results.append(await self._deliver(client, url, item))
        return results

    async def _deliver(self, client: httpx.AsyncClient, url: str, item: QueuedEvent) -> Delivery:
        headers = self.headers(item)
        delivery = Delivery(url, 0, item.body, headers)
        for attempt in range(1 + RETRIES):
            if attempt:
                await asyncio.sleep(self.retry_delay_seconds)
            status = await self._post(client, url, item.body, headers)
            delivery = Delivery(url, status, item.body, headers)
            if 200 <= status < 300:
                self.delivered.append(delivery)
                return delivery
        self.failures.append(delivery)
        return delivery

    async def _post(
        self, client: httpx.AsyncClient, url: str, body: bytes, headers: Mapping[str, str]
    ) -> int:
        if self.sink is not None:
            return await self.sink(url, body, headers)
        try:
            response = await client.post(url, content=body, headers=dict(headers))
        except httpx.TransportError:
            return 0
        return response.status_code
