"""The panel's internal squads, for the plan editor to pick from."""

from __future__ import annotations

from shop_domain.ports.vpn_panel import InternalSquad, VpnPanel


class ListPanelSquads:
    def __init__(self, panel: VpnPanel) -> None:
        self._panel = panel

    async def execute(self) -> list[InternalSquad]:
        """Sorted by name; panel errors (VpnPanelError) propagate: there is nothing to pick."""
        squads = await self._panel.list_internal_squads()
        return sorted(squads, key=lambda squad: (squad.name.lower(), squad.uuid))
