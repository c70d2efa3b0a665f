"""At-least-once delivery: a panel event whose effect failed is not taken for a duplicate when
the panel re-sends it, and a status change notifies once however many events report it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from shop_domain.errors import StorageError
from shop_domain.events import TrafficLimitReached
from shop_domain.model.ids import CustomerId
from shop_domain.model.subscriptions import SubscriptionStatus
from shop_domain.ports.vpn_panel import PanelEvent, PanelEventKind, PanelUser, PanelUserStatus
from shop_domain.services.core.handle_panel_event import HandlePanelEvent, PanelEventOutcome
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from tests.fakes.memory_store import MemoryStore, MemoryUnitOfWork
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import Shop


class FlakyUnitOfWork(MemoryUnitOfWork):
    """Fails a commit that writes a subscription while the `failures` counter is positive."""

    def __init__(self, store: MemoryStore, failures: list[int]) -> None:
        super().__init__(store)
        self._failures = failures

    async def commit(self) -> None:
        writes_subscription = self._working.subscriptions != self._store.state.subscriptions
        if writes_subscription and self._failures[0] > 0:
            self._failures[0] -= 1
            msg = "the database went away"
            raise StorageError(msg)
        await super().commit()


def limited_event(user: PanelUser, key: str, kind: PanelEventKind) -> PanelEvent:
    return PanelEvent(f"user.{kind}", kind, key, T0, replace(user, status=PanelUserStatus.LIMITED))


@pytest.fixture
async def trial(shop: Shop) -> tuple[Shop, PanelUser]:
    await shop.add_customer(1)
    await shop.start_trial.execute(CustomerId(1))
    user = next(iter(shop.panel.users.values()))
    shop.panel.users[user.ref] = replace(user, status=PanelUserStatus.LIMITED)
    return shop, user


async def status(shop: Shop) -> SubscriptionStatus:
    async with shop.uow() as uow:
        found = await uow.subscriptions.get_by_customer(CustomerId(1))
    assert found is not None
    return found.status


async def test_a_failed_effect_is_redone_when_the_panel_retries(
    trial: tuple[Shop, PanelUser],
) -> None:
    shop, user = trial
    failures = [1]
    handler = HandlePanelEvent(
        lambda: FlakyUnitOfWork(shop.store, failures),
        shop.panel, shop.clock, shop.notifier, shop.reminders, ProvisioningQueue(shop.job_queue),
    )  # fmt: skip
    event = limited_event(user, "l1", PanelEventKind.LIMITED)
    with pytest.raises(StorageError):
        await handler.execute(event, b"{}")
    assert await status(shop) is SubscriptionStatus.ACTIVE
    assert await handler.execute(event, b"{}") is PanelEventOutcome.APPLIED
    assert await status(shop) is SubscriptionStatus.LIMITED
    assert await handler.execute(event, b"{}") is PanelEventOutcome.DUPLICATE
    assert len(shop.notifier.of_type(TrafficLimitReached)) == 1


async def test_two_events_reporting_one_limit_notify_once(trial: tuple[Shop, PanelUser]) -> None:
    shop, user = trial
    for key, kind in (("l1", PanelEventKind.LIMITED), ("m1", PanelEventKind.MODIFIED)):
        outcome = await shop.handle_panel_event.execute(limited_event(user, key, kind), b"{}")
        assert outcome is PanelEventOutcome.APPLIED
    assert len(shop.notifier.of_type(TrafficLimitReached)) == 1
