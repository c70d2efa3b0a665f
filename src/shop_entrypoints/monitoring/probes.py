"""Readiness probes that speak to ports, never to adapters: the panel's circuit and its
cheapest read. The database and Redis probes live in the composition root, which may name
the drivers."""

from __future__ import annotations

from typing import Protocol

from shop_domain.errors import VpnPanelUnavailableError
from shop_domain.ports.vpn_panel import VpnPanel
from shop_entrypoints.webhooks.health import HealthCheck

OPEN = "open"


class Circuit(Protocol):
    """What a circuit breaker shows the outside world: closed, open or half_open."""

    @property
    def state(self) -> str: ...


def circuit_is_open(circuit: Circuit | None) -> bool:
    return circuit is not None and str(circuit.state) == OPEN


def panel_check(panel: VpnPanel, circuit: Circuit | None = None) -> HealthCheck:
    """Fails at once while the circuit is open (no call goes out); otherwise reads the panel's
    system stats, a single GET. Cache the /ready report so probes do not multiply it."""

    async def check() -> None:
        if circuit_is_open(circuit):
            raise VpnPanelUnavailableError("panel circuit is open")
        await panel.stats()

    return check
