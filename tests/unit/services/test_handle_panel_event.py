from dataclasses import replace
from datetime import timedelta

import pytest

from shop_domain.events import ExpiryReminderDue, TrafficLimitReached
from shop_domain.model.ids import CustomerId, PanelUserRef
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.ports.vpn_panel import PanelEvent, PanelEventKind, PanelUser, PanelUserStatus
from shop_domain.services.core.handle_panel_event import PanelEventOutcome
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import Shop


@pytest.fixture
async def trial(shop: Shop) -> tuple[Shop, PanelUser]:
    await shop.add_customer(1)
    await shop.start_trial.execute(CustomerId(1))
    return shop, next(iter(shop.panel.users.values()))


def event(
    user: PanelUser | None, kind: PanelEventKind, key: str = "k1", hours: int | None = None
) -> PanelEvent:
    return PanelEvent(
        name=f"user.{kind}",
        kind=kind,
        dedupe_key=key,
        occurred_at=T0,
        user=user,
        hours_relative=hours,
    )


async def subscription(shop: Shop) -> Subscription:
    async with shop.uow() as uow:
        found = await uow.subscriptions.get_by_customer(CustomerId(1))
    assert found is not None
    return found


async def test_panel_expiration_warning_sends_one_reminder(trial: tuple[Shop, PanelUser]) -> None:
    shop, user = trial
    warn = event(user, PanelEventKind.EXPIRATION_WARNING, "w1", hours=-24)
    assert await shop.handle_panel_event.execute(warn, b"{}") is PanelEventOutcome.APPLIED
    assert await shop.handle_panel_event.execute(warn, b"{}") is PanelEventOutcome.DUPLICATE
    # the same offset arriving again under another key (a re-sent webhook) is still one message
    again = replace(warn, dedupe_key="w2")
    await shop.handle_panel_event.execute(again, b"{}")
    assert len(shop.notifier.of_type(ExpiryReminderDue)) == 1


async def test_panel_limited_event_syncs_status_from_the_panel(
    trial: tuple[Shop, PanelUser],
) -> None:
    shop, user = trial
    shop.panel.users[user.ref] = replace(user, status=PanelUserStatus.LIMITED)
    outcome = await shop.handle_panel_event.execute(event(user, PanelEventKind.LIMITED), b"{}")
    assert outcome is PanelEventOutcome.APPLIED
    assert (await subscription(shop)).status is SubscriptionStatus.LIMITED
    assert shop.notifier.of_type(TrafficLimitReached)


async def test_reordered_panel_events_end_in_the_panels_current_state(
    trial: tuple[Shop, PanelUser],
) -> None:
    shop, user = trial
    limited = replace(user, status=PanelUserStatus.LIMITED)
    # the panel is ACTIVE again; the older "limited" event arrives after "enabled"
    await shop.handle_panel_event.execute(event(user, PanelEventKind.ENABLED, "e1"), b"{}")
    await shop.handle_panel_event.execute(event(limited, PanelEventKind.LIMITED, "l1"), b"{}")
    assert (await subscription(shop)).status is SubscriptionStatus.ACTIVE


async def test_panel_expiring_paid_access_too_early_is_repaired(
    trial: tuple[Shop, PanelUser],
) -> None:
    shop, user = trial
    shop.panel.users[user.ref] = replace(
        user, status=PanelUserStatus.EXPIRED, expires_at=user.expires_at - timedelta(days=2)
    )
    await shop.handle_panel_event.execute(event(user, PanelEventKind.EXPIRED), b"{}")
    assert (await subscription(shop)).status is SubscriptionStatus.ACTIVE
    await shop.run_queued_jobs()
    assert shop.panel.users[user.ref].expires_at == user.expires_at


async def test_panel_revoke_updates_the_stored_link(trial: tuple[Shop, PanelUser]) -> None:
    shop, user = trial
    shop.panel.users[user.ref] = replace(user, subscription_url="https://sub.test/new")
    await shop.handle_panel_event.execute(event(user, PanelEventKind.REVOKED), b"{}")
    assert (await subscription(shop)).subscription_url == "https://sub.test/new"


async def test_panel_down_falls_back_to_the_signed_payload(trial: tuple[Shop, PanelUser]) -> None:
    shop, user = trial
    shop.panel.down = True
    disabled = replace(user, status=PanelUserStatus.DISABLED)
    await shop.handle_panel_event.execute(event(disabled, PanelEventKind.DISABLED), b"{}")
    assert (await subscription(shop)).status is SubscriptionStatus.DISABLED


async def test_panel_event_for_a_foreign_user_is_ignored(trial: tuple[Shop, PanelUser]) -> None:
    shop, user = trial
    stranger = replace(user, ref=PanelUserRef("999"), telegram_id=555)
    outcome = await shop.handle_panel_event.execute(event(stranger, PanelEventKind.LIMITED), b"")
    assert outcome is PanelEventOutcome.UNKNOWN_USER
    other_ref = replace(user, ref=PanelUserRef("999"))
    outcome = await shop.handle_panel_event.execute(
        event(other_ref, PanelEventKind.LIMITED, "k2"), b""
    )
    assert outcome is PanelEventOutcome.UNKNOWN_USER


async def test_panel_events_of_other_scopes_are_ignored(shop: Shop) -> None:
    node = event(None, PanelEventKind.OTHER)
    assert await shop.handle_panel_event.execute(node, b"{}") is PanelEventOutcome.IGNORED


async def test_panel_first_connection_changes_nothing(trial: tuple[Shop, PanelUser]) -> None:
    shop, user = trial
    outcome = await shop.handle_panel_event.execute(
        event(user, PanelEventKind.FIRST_CONNECTED), b"{}"
    )
    assert outcome is PanelEventOutcome.IGNORED
