"""OperationsWatch: every few seconds, look at the panel circuit and the provisioning outbox,
publish what is seen as gauges, and let the AlertPolicy decide whether an incident began.

Run `watch.run()` in the application's TaskGroup; it stops when cancelled. One failed look
(the database is down) is logged and the loop goes on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import structlog

from shop_domain.errors import InfrastructureError
from shop_domain.services.monitoring.alert_policy import AlertPolicy
from shop_entrypoints.monitoring.metrics import ShopMetrics
from shop_entrypoints.monitoring.probes import Circuit, circuit_is_open

logger = structlog.get_logger(__name__)

#: (pending, failing): jobs not yet done, and those among them that failed at least once.
OutboxDepth = Callable[[], Awaitable[tuple[int, int]]]


class OperationsWatch:
    def __init__(
        self,
        metrics: ShopMetrics,
        alerts: AlertPolicy,
        outbox_depth: OutboxDepth,
        circuit: Circuit | None,
        interval_seconds: float,
    ) -> None:
        self._metrics = metrics
        self._alerts = alerts
        self._outbox_depth = outbox_depth
        self._circuit = circuit
        self._interval = interval_seconds

    async def look(self) -> None:
        """One sample of everything watched."""
        is_open = circuit_is_open(self._circuit)
        self._metrics.panel_circuit_open.set(1 if is_open else 0)
        await self._alerts.panel_circuit(is_open)
        try:
            pending, failing = await self._outbox_depth()
        except InfrastructureError as error:
            logger.warning("outbox_depth_unavailable", error_code=error.code)
            return
        self._metrics.outbox_depth(pending, failing)
        await self._alerts.outbox_backlog(pending)

    async def run(self) -> None:
        logger.info("operations_watch_started", interval_s=self._interval)
        while True:
            try:
                await self.look()
            except Exception:  # the loop boundary: a bug in one look must not stop the shop
                logger.exception("operations_watch_failed")
            await asyncio.sleep(self._interval)
