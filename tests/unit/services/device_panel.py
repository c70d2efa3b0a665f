"""FakeVpnPanel with HWID devices the customer can list and disconnect."""

from __future__ import annotations

from shop_domain.model.ids import PanelUserRef
from shop_domain.ports.vpn_panel import HwidDevice
from tests.unit.fakes import T0, FakeVpnPanel


class FakeDevicePanel(FakeVpnPanel):
    def __init__(self) -> None:
        super().__init__()
        self.devices: dict[PanelUserRef, list[HwidDevice]] = {}

    def plug(self, ref: PanelUserRef, hwid: str, platform: str = "Android") -> HwidDevice:
        device = HwidDevice(hwid, platform, "14", f"{platform} phone", T0)
        self.devices.setdefault(ref, []).append(device)
        return device

    async def list_devices(self, ref: PanelUserRef) -> list[HwidDevice]:
        await super().list_devices(ref)
        return list(self.devices.get(ref, []))

    async def delete_device(self, ref: PanelUserRef, hwid: str) -> None:
        await super().delete_device(ref, hwid)
        self.devices[ref] = [d for d in self.devices.get(ref, []) if d.hwid != hwid]
