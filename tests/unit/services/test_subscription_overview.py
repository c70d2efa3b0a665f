from shop_domain.model.ids import CustomerId
from tests.unit.services.shop_harness import Shop


async def test_overview_without_subscription(shop: Shop) -> None:
    await shop.add_customer(1)
    overview = await shop.overview.execute(CustomerId(1))
    assert not overview.is_active
    assert overview.days_left == 0
    assert overview.subscription_url is None
    assert shop.panel.calls == []


async def test_overview_shows_live_usage_from_the_panel(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.start_trial.execute(CustomerId(1))
    overview = await shop.overview.execute(CustomerId(1))
    assert overview.is_active
    assert overview.days_left == 3
    assert overview.used_traffic_bytes == 0
    assert overview.subscription_url is not None
    assert overview.panel_reachable


async def test_overview_falls_back_to_stored_state_when_the_panel_is_down(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.start_trial.execute(CustomerId(1))
    shop.panel.down = True
    overview = await shop.overview.execute(CustomerId(1))
    assert not overview.panel_reachable
    assert overview.used_traffic_bytes is None
    assert overview.subscription_url is not None


async def test_overview_without_usage_makes_no_panel_call(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.start_trial.execute(CustomerId(1))
    calls = len(shop.panel.calls)
    await shop.overview.execute(CustomerId(1), with_usage=False)
    assert len(shop.panel.calls) == calls
