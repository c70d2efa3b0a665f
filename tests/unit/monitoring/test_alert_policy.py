from datetime import timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shop_domain.events import OperationalAlertRaised
from shop_domain.model.alerts import AlertKind, AlertThresholds, IncidentTracker
from shop_domain.services.monitoring.alert_policy import AlertPolicy
from tests.unit.fakes import T0, FakeNotifier, FixedClock

THRESHOLDS = AlertThresholds(
    panel_open_seconds=120,
    outbox_backlog=50,
    webhook_failures=3,
    webhook_window_seconds=600,
    cooldown_seconds=3600,
)


def policy() -> tuple[AlertPolicy, FakeNotifier, FixedClock]:
    notifier, clock = FakeNotifier(), FixedClock()
    return AlertPolicy(notifier, clock, THRESHOLDS), notifier, clock


async def test_a_circuit_open_longer_than_the_threshold_alerts_once() -> None:
    alerts, notifier, clock = policy()
    for _ in range(10):  # sampled every 30 s for five minutes
        await alerts.panel_circuit(is_open=True)
        clock.advance(seconds=30)

    assert notifier.events == [
        OperationalAlertRaised(AlertKind.PANEL_CIRCUIT_OPEN, "panel", 120, 120)
    ]


async def test_a_circuit_that_closes_in_time_never_alerts() -> None:
    alerts, notifier, clock = policy()
    for is_open in (True, True, False, True, True, False):
        await alerts.panel_circuit(is_open=is_open)
        clock.advance(seconds=60)
    assert notifier.events == []


async def test_a_flapping_panel_is_one_message_per_cooldown() -> None:
    alerts, notifier, clock = policy()
    for _ in range(5):  # open 3 minutes, closed 1 minute, five times
        for _ in range(4):
            await alerts.panel_circuit(is_open=True)
            clock.advance(seconds=60)
        await alerts.panel_circuit(is_open=False)
        clock.advance(seconds=60)
    assert len(notifier.events) == 1

    clock.advance(hours=1)
    for _ in range(4):
        await alerts.panel_circuit(is_open=True)
        clock.advance(seconds=60)
    assert len(notifier.events) == 2


async def test_an_outbox_backlog_alerts_at_the_threshold_and_again_after_recovery() -> None:
    alerts, notifier, clock = policy()
    for depth in (10, 49, 50, 80, 120):
        await alerts.outbox_backlog(depth)
    assert notifier.events == [
        OperationalAlertRaised(AlertKind.OUTBOX_BACKLOG, "provisioning", 50, 50)
    ]

    await alerts.outbox_backlog(0)
    clock.advance(hours=2)
    await alerts.outbox_backlog(70)
    assert notifier.events[-1] == OperationalAlertRaised(
        AlertKind.OUTBOX_BACKLOG, "provisioning", 70, 50
    )
    assert len(notifier.events) == 2


async def test_repeated_webhook_rejections_alert_per_source() -> None:
    alerts, notifier, _ = policy()
    await alerts.webhook_rejected("yookassa")
    await alerts.webhook_rejected("cryptopay")
    await alerts.webhook_rejected("yookassa")
    assert notifier.events == []

    await alerts.webhook_rejected("yookassa")
    for _ in range(20):
        await alerts.webhook_rejected("yookassa")
    assert notifier.events == [
        OperationalAlertRaised(AlertKind.WEBHOOK_REJECTIONS, "yookassa", 3, 3)
    ]


async def test_rejections_spread_wider_than_the_window_never_alert() -> None:
    alerts, notifier, clock = policy()
    for _ in range(10):
        await alerts.webhook_rejected("stripe")
        clock.advance(seconds=301)  # at most two inside any 600-second window
    assert notifier.events == []


def test_thresholds_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        AlertThresholds(outbox_backlog=0)
    with pytest.raises(ValueError, match="cool-down"):
        AlertThresholds(cooldown_seconds=-1)


@given(st.lists(st.tuples(st.booleans(), st.integers(min_value=1, max_value=7200)), max_size=60))
def test_a_key_is_never_reported_twice_within_the_cooldown(
    steps: list[tuple[bool, int]],
) -> None:
    tracker = IncidentTracker(timedelta(hours=1))
    now, reported = T0, []
    for active, seconds in steps:
        if tracker.update("panel", active, now):
            reported.append(now)
        now += timedelta(seconds=seconds)
    gaps = [later - earlier for earlier, later in pairwise(reported)]
    assert all(gap >= timedelta(hours=1) for gap in gaps)


@given(st.lists(st.booleans(), max_size=60))
def test_without_cooldown_each_incident_start_is_reported(states: list[bool]) -> None:
    tracker = IncidentTracker(timedelta(0))
    starts = sum(1 for i, on in enumerate(states) if on and (i == 0 or not states[i - 1]))
    reported = sum(
        tracker.update("k", on, T0 + timedelta(minutes=i)) for i, on in enumerate(states)
    )
    assert reported == starts
