from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shop_domain.model.ids import CustomerId, PanelUserRef, PlanId, SubscriptionId
from shop_domain.model.plans import GIB, AccessLimits
from shop_domain.model.subscriptions import (
    Subscription,
    SubscriptionStatus,
    extended_expiry,
    new_subscription,
    shortened_expiry,
)

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
times = st.datetimes(
    min_value=datetime(2020, 1, 1),  # noqa: DTZ001 - hypothesis takes naive bounds
    max_value=datetime(2035, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)
day_counts = st.integers(min_value=1, max_value=3650)


def subscription(
    expires_at: datetime, status: SubscriptionStatus = SubscriptionStatus.ACTIVE
) -> Subscription:
    return Subscription(
        SubscriptionId("s"), CustomerId(1), expires_at, AccessLimits(), status=status
    )


@given(expiry=times, now=times, days=day_counts)
def test_renewal_extends_from_max_of_expiry_and_now(
    expiry: datetime, now: datetime, days: int
) -> None:
    assert extended_expiry(expiry, now, days) == max(expiry, now) + timedelta(days=days)


@given(expiry=times, now=times, a=day_counts, b=day_counts)
def test_renewals_in_a_row_add_up(expiry: datetime, now: datetime, a: int, b: int) -> None:
    once = extended_expiry(extended_expiry(expiry, now, a), now, b)
    assert once == max(expiry, now) + timedelta(days=a + b)


@given(expiry=times, now=times, days=day_counts)
def test_refund_never_shortens_before_now(expiry: datetime, now: datetime, days: int) -> None:
    assert shortened_expiry(expiry, now, days) >= now


def test_renewal_of_lapsed_subscription_starts_now() -> None:
    lapsed = subscription(NOW - timedelta(days=5), SubscriptionStatus.EXPIRED)
    renewed = lapsed.extend(days=30, now=NOW, plan_id=PlanId("p"), limits=AccessLimits())
    assert renewed.expires_at == NOW + timedelta(days=30)
    assert renewed.status is SubscriptionStatus.ACTIVE
    assert renewed.version == lapsed.version + 1


def test_renewal_keeps_unused_days_and_switches_plan_limits() -> None:
    active = subscription(NOW + timedelta(days=10))
    limits = AccessLimits(traffic_limit_bytes=5 * GIB)
    renewed = active.extend(days=30, now=NOW, plan_id=PlanId("p"), limits=limits)
    assert renewed.expires_at == NOW + timedelta(days=40)
    assert renewed.limits == limits
    assert not renewed.is_trial


def test_bonus_days_keep_a_disabled_subscription_disabled() -> None:
    disabled = subscription(NOW, SubscriptionStatus.DISABLED)
    assert disabled.add_bonus_days(3, NOW).status is SubscriptionStatus.DISABLED
    expired = subscription(NOW - timedelta(days=1), SubscriptionStatus.EXPIRED)
    assert expired.add_bonus_days(3, NOW).status is SubscriptionStatus.ACTIVE


def test_shorten_to_now_expires_the_subscription() -> None:
    active = subscription(NOW + timedelta(days=10))
    assert active.shorten(5, NOW).status is SubscriptionStatus.ACTIVE
    gone = active.shorten(30, NOW)
    assert gone.expires_at == NOW
    assert gone.status is SubscriptionStatus.EXPIRED


def test_disable_and_enable() -> None:
    active = subscription(NOW + timedelta(days=10))
    assert active.disable().status is SubscriptionStatus.DISABLED
    assert active.disable().enable(NOW).status is SubscriptionStatus.ACTIVE
    old = subscription(NOW - timedelta(days=1)).disable()
    assert old.enable(NOW).status is SubscriptionStatus.EXPIRED


def test_activity_and_days_left() -> None:
    active = subscription(NOW + timedelta(days=2, hours=3))
    assert active.is_active_at(NOW)
    assert active.days_left(NOW) == 3  # a started day counts
    assert subscription(NOW + timedelta(days=3) - timedelta(seconds=1)).days_left(NOW) == 3
    assert subscription(NOW + timedelta(days=3)).days_left(NOW) == 3
    assert subscription(NOW + timedelta(minutes=5)).days_left(NOW) == 1
    assert subscription(NOW - timedelta(days=1)).days_left(NOW) == 0
    assert subscription(NOW).days_left(NOW) == 0
    assert not subscription(NOW + timedelta(days=1), SubscriptionStatus.LIMITED).is_active_at(NOW)


def test_linking_to_the_panel_keeps_the_version() -> None:
    linked = subscription(NOW).linked_to_panel(PanelUserRef("7"), "https://sub/x")
    assert (linked.panel_user_ref, linked.subscription_url, linked.version) == (
        "7",
        "https://sub/x",
        0,
    )
    assert linked.with_status(SubscriptionStatus.LIMITED).status is SubscriptionStatus.LIMITED


def test_new_subscription_starts_now() -> None:
    created = new_subscription(
        subscription_id=SubscriptionId("s"),
        customer_id=CustomerId(1),
        now=NOW,
        days=3,
        limits=AccessLimits(),
        plan_id=None,
        is_trial=True,
    )
    assert created.expires_at == NOW + timedelta(days=3)
    assert created.is_trial
    assert created.version == 1
