"""AlertPolicy: critical operational facts in, at most one admin-log message per incident out.

Callers report what they observe (the panel circuit's state, the outbox depth, a rejected
webhook); the policy decides whether an incident just began and tells the Notifier with an
`OperationalAlertRaised` event. It keeps its state in memory: a restart may repeat an alert
once, which is the safe side.
"""

from __future__ import annotations

import logging
from collections import deque
from datetime import datetime, timedelta

from shop_domain.events import OperationalAlertRaised
from shop_domain.model.alerts import AlertKind, AlertThresholds, IncidentTracker
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier

logger = logging.getLogger(__name__)

PANEL = "panel"
OUTBOX = "provisioning"


class AlertPolicy:
    def __init__(self, notifier: Notifier, clock: Clock, thresholds: AlertThresholds) -> None:
        self._notifier = notifier
        self._clock = clock
        self._thresholds = thresholds
        self._incidents = IncidentTracker(timedelta(seconds=thresholds.cooldown_seconds))
        self._circuit_open_since: datetime | None = None
        self._rejections: dict[str, deque[datetime]] = {}

    async def panel_circuit(self, is_open: bool) -> None:
        """The panel circuit's state as sampled now; alerts once it stayed open long enough."""
        now = self._clock.now()
        if not is_open:
            self._circuit_open_since = None
        elif self._circuit_open_since is None:
            self._circuit_open_since = now
        since = self._circuit_open_since
        open_for = 0 if since is None else int((now - since).total_seconds())
        limit = self._thresholds.panel_open_seconds
        active = since is not None and open_for >= limit
        await self._observe(AlertKind.PANEL_CIRCUIT_OPEN, PANEL, active, open_for, limit, now)

    async def outbox_backlog(self, depth: int) -> None:
        """Panel pushes waiting in the provisioning outbox."""
        limit = self._thresholds.outbox_backlog
        now = self._clock.now()
        await self._observe(AlertKind.OUTBOX_BACKLOG, OUTBOX, depth >= limit, depth, limit, now)

    async def webhook_rejected(self, source: str) -> None:
        """A webhook from `source` failed verification or parsing."""
        now = self._clock.now()
        window = timedelta(seconds=self._thresholds.webhook_window_seconds)
        recent = self._rejections.setdefault(source, deque())
        recent.append(now)
        while recent and now - recent[0] > window:
            recent.popleft()
        limit = self._thresholds.webhook_failures
        active = len(recent) >= limit
        await self._observe(AlertKind.WEBHOOK_REJECTIONS, source, active, len(recent), limit, now)

    async def _observe(
        self, kind: AlertKind, subject: str, active: bool, value: int, limit: int, now: datetime
    ) -> None:
        if not self._incidents.update((kind, subject), active, now):
            return
        logger.error(
            "operational_alert", extra={"kind": kind.value, "subject": subject, "value": value}
        )
        await self._notifier.notify(OperationalAlertRaised(kind, subject, value, limit))
