"""The inbox of inbound provider events: every webhook is stored before it is processed."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class EventOutcome(enum.StrEnum):
    RECEIVED = "received"
    CREDITED = "credited"
    IGNORED = "ignored"  # valid but nothing to do (a duplicate signal, a pending status)
    REJECTED = "rejected"  # failed verification
    HELD = "held"  # amount mismatch, waiting for an operator
    REFUNDED = "refunded"
    FAILED = "failed"  # marked the payment failed or expired
    ORPHANED = "orphaned"  # no payment matches yet; the reconciler retries it


@dataclass(frozen=True, slots=True)
class ProviderEvent:
    """A stored inbound event; (provider, event_id) is unique, so a replay is recognised."""

    provider: str
    event_id: str
    received_at: datetime
    body: bytes
    verified: bool
    outcome: EventOutcome = EventOutcome.RECEIVED
    payment_ref: str | None = None
