"""GetSubscriptionOverview counts the connected devices next to the live usage."""

from shop_domain.errors import VpnPanelUnavailableError
from shop_domain.model.ids import CustomerId, PanelUserRef
from shop_domain.ports.vpn_panel import HwidDevice
from tests.unit.services.device_panel import FakeDevicePanel
from tests.unit.services.shop_harness import Shop


async def _trial_ref(shop: Shop) -> PanelUserRef:
    await shop.add_customer(1)
    result = await shop.start_trial.execute(CustomerId(1))
    ref = result.subscription.panel_user_ref
    assert ref is not None
    return ref


async def test_the_overview_counts_connected_devices() -> None:
    panel = FakeDevicePanel()
    shop = Shop(panel=panel)
    ref = await _trial_ref(shop)
    panel.plug(ref, "hw-1")
    panel.plug(ref, "hw-2", "iOS")
    calls = len(panel.calls)

    overview = await shop.overview.execute(CustomerId(1))

    assert overview.connected_devices == 2
    assert sorted(panel.calls[calls:]) == ["get_user", "list_devices"]


async def test_a_failing_device_list_leaves_only_the_count_out() -> None:
    class NoDevices(FakeDevicePanel):
        async def list_devices(self, ref: PanelUserRef) -> list[HwidDevice]:
            raise VpnPanelUnavailableError("timeout")

    shop = Shop(panel=NoDevices())
    await _trial_ref(shop)

    overview = await shop.overview.execute(CustomerId(1))

    assert overview.panel_reachable
    assert overview.used_traffic_bytes == 0
    assert overview.connected_devices is None


async def test_no_count_when_the_panel_is_down_or_not_asked(shop: Shop) -> None:
    await _trial_ref(shop)
    assert (await shop.overview.execute(CustomerId(1), with_usage=False)).connected_devices is None
    shop.panel.down = True
    overview = await shop.overview.execute(CustomerId(1))
    assert not overview.panel_reachable
    assert overview.connected_devices is None
