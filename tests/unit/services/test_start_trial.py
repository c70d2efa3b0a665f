from datetime import timedelta

import pytest

from shop_domain.errors import (
    CustomerBannedError,
    CustomerNotFoundError,
    TermsNotAcceptedError,
    TrialAlreadyUsedError,
    TrialNotAvailableError,
)
from shop_domain.events import SubscriptionReady, TrialStarted
from shop_domain.model.ids import CustomerId
from shop_domain.model.plans import TrialOffer
from shop_domain.model.shop_policy import ShopPolicy
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import Shop


async def test_trial_grants_its_own_duration_and_limits(shop: Shop) -> None:
    await shop.add_customer(1)
    result = await shop.start_trial.execute(CustomerId(1))
    assert result.provisioned
    assert result.subscription.is_trial
    assert result.subscription.expires_at == T0 + timedelta(days=3)
    assert result.subscription.subscription_url is not None
    panel_user = next(iter(shop.panel.users.values()))
    assert panel_user.limits == shop.policy.trial.limits
    assert shop.notifier.of_type(TrialStarted)
    assert not shop.notifier.of_type(SubscriptionReady)  # the trial screen shows the link


async def test_trial_only_once(shop: Shop) -> None:
    await shop.add_customer(1)
    await shop.start_trial.execute(CustomerId(1))
    with pytest.raises(TrialAlreadyUsedError):
        await shop.start_trial.execute(CustomerId(1))


async def test_trial_not_for_customers_who_paid(shop: Shop) -> None:
    await shop.add_customer(1, has_paid=True)
    with pytest.raises(TrialAlreadyUsedError):
        await shop.start_trial.execute(CustomerId(1))


async def test_trial_not_for_banned_customers(shop: Shop) -> None:
    await shop.add_customer(1, is_banned=True)
    with pytest.raises(CustomerBannedError):
        await shop.start_trial.execute(CustomerId(1))


async def test_trial_for_unknown_customer_fails(shop: Shop) -> None:
    with pytest.raises(CustomerNotFoundError):
        await shop.start_trial.execute(CustomerId(404))


async def test_trial_switched_off() -> None:
    shop = Shop(policy=ShopPolicy(trial=TrialOffer(enabled=False, days=0)))
    await shop.add_customer(1)
    with pytest.raises(TrialNotAvailableError):
        await shop.start_trial.execute(CustomerId(1))


async def test_trial_requires_terms_when_the_operator_asks() -> None:
    shop = Shop(policy=ShopPolicy(require_terms=True))
    await shop.add_customer(1)
    with pytest.raises(TermsNotAcceptedError):
        await shop.start_trial.execute(CustomerId(1))
    await shop.add_customer(2, terms_accepted_at=T0)
    assert (await shop.start_trial.execute(CustomerId(2))).provisioned


async def test_trial_with_panel_down_is_kept_and_provisioned_later(shop: Shop) -> None:
    await shop.add_customer(1)
    shop.panel.down = True
    result = await shop.start_trial.execute(CustomerId(1))
    assert not result.provisioned
    shop.panel.down = False
    shop.clock.advance(minutes=1)
    retried = await shop.retry_provisioning.execute()
    assert (retried.attempted, retried.succeeded) == (1, 1)
    assert len(shop.panel.users) == 1
    [ready] = shop.notifier.of_type(SubscriptionReady)  # the link arrives once it exists
    assert isinstance(ready, SubscriptionReady)
    assert ready.subscription_url == next(iter(shop.panel.users.values())).subscription_url
