"""Operational incidents worth waking an operator for, and when to tell them again.

An incident starts when its condition becomes true and ends when it turns false. Only the
start of an incident is reported, and a key that was reported less than `cooldown` ago stays
quiet even if its incident ended and started again (a flapping panel is one message, not
fifty).
"""

from __future__ import annotations

import enum
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta


class AlertKind(enum.StrEnum):
    PANEL_CIRCUIT_OPEN = "panel_circuit_open"
    OUTBOX_BACKLOG = "outbox_backlog"
    WEBHOOK_REJECTIONS = "webhook_rejections"


@dataclass(frozen=True, slots=True)
class AlertThresholds:
    panel_open_seconds: int = 120
    outbox_backlog: int = 50
    webhook_failures: int = 10
    webhook_window_seconds: int = 600
    cooldown_seconds: int = 3600

    def __post_init__(self) -> None:
        if self.outbox_backlog < 1 or self.webhook_failures < 1:
            raise ValueError("alert thresholds must be at least 1")
        if self.webhook_window_seconds < 1 or self.panel_open_seconds < 0:
            raise ValueError("alert windows must be positive")
        if self.cooldown_seconds < 0:
            raise ValueError("the alert cool-down cannot be negative")


class IncidentTracker:
    """Which incidents are open, and when each key was last reported."""

    def __init__(self, cooldown: timedelta) -> None:
        self._cooldown = cooldown
        self._open: set[Hashable] = set()
        self._reported_at: dict[Hashable, datetime] = {}

    def update(self, key: Hashable, active: bool, now: datetime) -> bool:
        """Record the condition's current value; True when a new incident must be reported."""
        if not active:
            self._open.discard(key)
            return False
        if key in self._open:
            return False
        self._open.add(key)
        last = self._reported_at.get(key)
        if last is not None and now - last < self._cooldown:
            return False
        self._reported_at[key] = now
        return True

    def is_open(self, key: Hashable) -> bool:
        return key in self._open
