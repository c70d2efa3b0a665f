from datetime import timedelta

import pytest

from shop_domain.errors import CustomerNotFoundError, EmptyMessageError, InvalidPlanError
from shop_domain.events import OperatorMessageSent
from shop_domain.model.ids import CustomerId
from shop_domain.model.subscriptions import SubscriptionStatus
from shop_domain.ports.vpn_panel import PanelUserStatus
from shop_domain.services.admin.find_customer import FindCustomer
from shop_domain.services.admin.get_shop_statistics import GetShopStatistics
from shop_domain.services.admin.grant_days import GrantDays
from shop_domain.services.admin.message_customer import MessageCustomer
from shop_domain.services.admin.reset_trial import ResetTrial
from shop_domain.services.admin.set_customer_ban import SetCustomerBan
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from tests.unit.fakes import T0
from tests.unit.services.payment_steps import checkout, notification
from tests.unit.services.shop_harness import Shop


def grant(shop: Shop) -> GrantDays:
    return GrantDays(shop.uow, shop.clock, shop.policy, ProvisioningQueue(shop.job_queue))


async def test_admin_statistics_count_customers_subscriptions_and_revenue(shop: Shop) -> None:
    await shop.add_plan()
    await shop.add_customer(1)
    await shop.add_customer(2)
    await shop.start_trial.execute(CustomerId(2))
    result = await checkout(shop)
    await shop.confirm.execute(notification(result), b"{}")
    stats = await GetShopStatistics(shop.uow, shop.panel, shop.clock).execute()
    assert (stats.customers, stats.active_subscriptions, stats.active_trials) == (2, 1, 1)
    assert stats.revenue_today == (result.amount,)
    assert stats.revenue_30_days == (result.amount,)
    assert stats.panel is not None
    shop.panel.down = True
    assert (await GetShopStatistics(shop.uow, shop.panel, shop.clock).execute()).panel is None


async def test_admin_finds_a_customer_by_id_or_username(shop: Shop) -> None:
    await shop.add_customer(1, username="Alice")
    await shop.add_customer(2, referred_by=CustomerId(1))
    by_id = await FindCustomer(shop.uow).execute("1")
    by_name = await FindCustomer(shop.uow).execute("@alice")
    assert by_id.customer.id == by_name.customer.id == 1
    assert by_id.referrals == 1
    with pytest.raises(CustomerNotFoundError):
        await FindCustomer(shop.uow).execute("@nobody")
    with pytest.raises(CustomerNotFoundError):
        await FindCustomer(shop.uow).execute("  ")


async def test_admin_adds_days(shop: Shop) -> None:
    await shop.add_customer(1)
    expiry = await grant(shop).execute(CustomerId(1), 10)
    assert expiry == T0 + timedelta(days=10)
    await shop.run_queued_jobs()
    assert len(shop.panel.users) == 1
    with pytest.raises(InvalidPlanError):
        await grant(shop).execute(CustomerId(1), 0)
    with pytest.raises(CustomerNotFoundError):
        await grant(shop).execute(CustomerId(404), 1)


async def test_admin_ban_disables_the_panel_user_and_unban_restores_it(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.start_trial.execute(CustomerId(1))
    ban = SetCustomerBan(shop.uow, shop.clock, ProvisioningQueue(shop.job_queue))
    banned = await ban.execute(CustomerId(1), banned=True)
    assert banned.is_banned
    await shop.run_queued_jobs()
    user = next(iter(shop.panel.users.values()))
    assert user.status is PanelUserStatus.DISABLED
    await ban.execute(CustomerId(1), banned=False)
    await shop.run_queued_jobs()
    assert next(iter(shop.panel.users.values())).status is PanelUserStatus.ACTIVE
    overview = await shop.overview.execute(CustomerId(1), with_usage=False)
    assert overview.subscription is not None
    assert overview.subscription.status is SubscriptionStatus.ACTIVE
    with pytest.raises(CustomerNotFoundError):
        await ban.execute(CustomerId(404), banned=True)


async def test_admin_ban_of_customer_without_subscription(shop: Shop) -> None:
    await shop.add_customer(1)
    ban = SetCustomerBan(shop.uow, shop.clock, ProvisioningQueue(shop.job_queue))
    assert (await ban.execute(CustomerId(1), banned=True)).is_banned
    assert shop.job_queue.jobs == []


async def test_admin_reset_trial_allows_another_trial(shop: Shop) -> None:
    await shop.add_customer(1, has_used_trial=True)
    await ResetTrial(shop.uow).execute(CustomerId(1))
    card = await FindCustomer(shop.uow).execute("1")
    assert card.customer.may_start_trial
    with pytest.raises(CustomerNotFoundError):
        await ResetTrial(shop.uow).execute(CustomerId(404))


async def test_admin_messages_a_customer(shop: Shop) -> None:
    await shop.add_customer(1)
    await MessageCustomer(shop.uow, shop.notifier).execute(CustomerId(1), " Hello ")
    assert shop.notifier.of_type(OperatorMessageSent) == [
        OperatorMessageSent(CustomerId(1), "Hello")
    ]
    with pytest.raises(EmptyMessageError):
        await MessageCustomer(shop.uow, shop.notifier).execute(CustomerId(1), "   ")
    with pytest.raises(CustomerNotFoundError):
        await MessageCustomer(shop.uow, shop.notifier).execute(CustomerId(404), "hi")
