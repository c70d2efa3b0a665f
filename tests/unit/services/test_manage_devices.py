import pytest

from shop_domain.errors import SubscriptionNotFoundError
from shop_domain.model.ids import CustomerId, PanelUserRef
from shop_domain.services.core.manage_devices import (
    ManageDevices,
    ManageDevicesRequest,
    device_token,
)
from tests.unit.services.device_panel import FakeDevicePanel
from tests.unit.services.shop_harness import Shop


@pytest.fixture
def shop() -> Shop:
    return Shop(panel=FakeDevicePanel())


async def _trial_ref(shop: Shop, customer_id: int) -> PanelUserRef:
    await shop.add_customer(customer_id)
    trial = await shop.start_trial.execute(CustomerId(customer_id))
    assert trial.subscription.panel_user_ref is not None
    return trial.subscription.panel_user_ref


async def test_lists_devices_with_the_limit(shop: Shop) -> None:
    assert isinstance(shop.panel, FakeDevicePanel)
    ref = await _trial_ref(shop, 1)
    shop.panel.plug(ref, "hw-1")
    result = await ManageDevices(shop.uow, shop.panel).execute(ManageDevicesRequest(CustomerId(1)))
    assert [d.hwid for d in result.devices] == ["hw-1"]
    assert result.device_limit == shop.policy.trial.limits.device_limit
    assert result.disconnected is None


async def test_disconnects_only_the_customers_own_device(shop: Shop) -> None:
    assert isinstance(shop.panel, FakeDevicePanel)
    mine, theirs = await _trial_ref(shop, 1), await _trial_ref(shop, 2)
    shop.panel.plug(mine, "hw-mine")
    shop.panel.plug(theirs, "hw-theirs")
    manage = ManageDevices(shop.uow, shop.panel)

    foreign = await manage.execute(ManageDevicesRequest(CustomerId(1), device_token("hw-theirs")))
    assert foreign.disconnected is None
    assert "delete_device" not in shop.panel.calls

    own = await manage.execute(ManageDevicesRequest(CustomerId(1), device_token("hw-mine")))
    assert own.disconnected is not None
    assert own.devices == ()
    assert [d.hwid for d in shop.panel.devices[theirs]] == ["hw-theirs"]


async def test_no_subscription_means_no_devices(shop: Shop) -> None:
    await shop.add_customer(1)
    with pytest.raises(SubscriptionNotFoundError):
        await ManageDevices(shop.uow, shop.panel).execute(ManageDevicesRequest(CustomerId(1)))
