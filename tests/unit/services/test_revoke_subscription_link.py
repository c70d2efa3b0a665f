import pytest

from shop_domain.errors import SubscriptionNotFoundError, VpnPanelUnavailableError
from shop_domain.model.ids import CustomerId
from shop_domain.services.core.revoke_subscription_link import RevokeSubscriptionLink
from tests.unit.services.shop_harness import Shop


@pytest.fixture
def revoke(shop: Shop) -> RevokeSubscriptionLink:
    return RevokeSubscriptionLink(shop.uow, shop.panel)


async def test_revoking_stores_the_new_link(shop: Shop, revoke: RevokeSubscriptionLink) -> None:
    await shop.add_customer(1)
    trial = await shop.start_trial.execute(CustomerId(1))
    old = trial.subscription.subscription_url

    new = await revoke.execute(CustomerId(1))

    assert new != old
    assert "revoke_subscription" in shop.panel.calls
    stored = await shop.overview.execute(CustomerId(1), with_usage=False)
    assert stored.subscription is not None
    assert stored.subscription.subscription_url == new


async def test_revoking_without_a_subscription_fails(
    shop: Shop, revoke: RevokeSubscriptionLink
) -> None:
    await shop.add_customer(1)
    with pytest.raises(SubscriptionNotFoundError):
        await revoke.execute(CustomerId(1))
    assert shop.panel.calls == []


async def test_panel_down_keeps_the_old_link(shop: Shop, revoke: RevokeSubscriptionLink) -> None:
    await shop.add_customer(1)
    trial = await shop.start_trial.execute(CustomerId(1))
    shop.panel.down = True
    with pytest.raises(VpnPanelUnavailableError):
        await revoke.execute(CustomerId(1))
    stored = await shop.overview.execute(CustomerId(1), with_usage=False)
    assert stored.subscription is not None
    assert stored.subscription.subscription_url == trial.subscription.subscription_url
