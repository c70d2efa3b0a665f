from decimal import Decimal

import pytest
from prometheus_client import CollectorRegistry

from shop_domain.errors import StorageError
from shop_domain.events import OperationalAlertRaised, PaymentSucceeded, ProvisioningFailed
from shop_domain.model.alerts import AlertKind, AlertThresholds
from shop_domain.model.ids import CustomerId, OrderId, PaymentId, PlanId
from shop_domain.model.money import Money
from shop_domain.services.monitoring.alert_policy import AlertPolicy
from shop_entrypoints.monitoring.metrics import ShopMetrics
from shop_entrypoints.monitoring.observed import ObservedNotifier, ObservedRejections
from shop_entrypoints.monitoring.watch import OperationsWatch
from tests.unit.fakes import T0, FakeNotifier, FixedClock
from tests.unit.services.shop_harness import Shop

THRESHOLDS = AlertThresholds(panel_open_seconds=60, outbox_backlog=5, webhook_failures=2)


class Breaker:
    def __init__(self) -> None:
        self.state = "closed"


class Outbox:
    def __init__(self) -> None:
        self.depth: tuple[int, int] | None = (0, 0)

    async def __call__(self) -> tuple[int, int]:
        if self.depth is None:
            raise StorageError("database down")
        return self.depth


@pytest.fixture
def registry() -> CollectorRegistry:
    return CollectorRegistry()


def value(registry: CollectorRegistry, name: str, **labels: str) -> float | None:
    return registry.get_sample_value(name, labels)


async def test_the_watch_publishes_gauges_and_alerts_once(registry: CollectorRegistry) -> None:
    notifier, clock, breaker, outbox = FakeNotifier(), FixedClock(), Breaker(), Outbox()
    alerts = AlertPolicy(notifier, clock, THRESHOLDS)
    watch = OperationsWatch(ShopMetrics(registry), alerts, outbox, breaker, interval_seconds=30)

    breaker.state, outbox.depth = "open", (9, 4)
    for _ in range(4):
        await watch.look()
        clock.advance(seconds=30)

    assert value(registry, "shop_panel_circuit_open") == 1
    assert value(registry, "shop_provisioning_outbox_jobs", state="pending") == 9
    assert value(registry, "shop_provisioning_outbox_jobs", state="failing") == 4
    kinds = [e.kind for e in notifier.events if isinstance(e, OperationalAlertRaised)]
    assert kinds == [
        AlertKind.OUTBOX_BACKLOG,
        AlertKind.PANEL_CIRCUIT_OPEN,
    ]


async def test_a_failed_look_at_the_outbox_keeps_the_last_value(
    registry: CollectorRegistry,
) -> None:
    outbox = Outbox()
    alerts = AlertPolicy(FakeNotifier(), FixedClock(), THRESHOLDS)
    watch = OperationsWatch(ShopMetrics(registry), alerts, outbox, None, interval_seconds=30)
    outbox.depth = (3, 0)
    await watch.look()
    outbox.depth = None
    await watch.look()
    assert value(registry, "shop_provisioning_outbox_jobs", state="pending") == 3
    assert value(registry, "shop_panel_circuit_open") == 0


async def test_the_notifier_counts_payments_and_passes_events_on(
    registry: CollectorRegistry,
) -> None:
    inner = FakeNotifier()
    notifier = ObservedNotifier(inner, ShopMetrics(registry))
    paid = PaymentSucceeded(
        customer_id=CustomerId(1),
        payment_id=PaymentId("p1"),
        order_id=OrderId("o1"),
        provider="yookassa",
        amount=Money(Decimal("199.00"), "RUB"),
        plan_id=PlanId("month"),
        days=30,
        expires_at=T0,
    )
    failed = ProvisioningFailed(CustomerId(1), attempts=8, error_code="vpn_panel_unavailable")

    await notifier.notify(paid)
    await notifier.notify(paid)
    await notifier.notify(failed)

    assert inner.events == [paid, paid, failed]
    labels = {"provider": "yookassa", "currency": "RUB"}
    assert registry.get_sample_value("shop_payments_credited_total", labels) == 2
    assert value(registry, "shop_provisioning_failures_total") == 1


async def test_rejections_are_stored_counted_and_alerted(registry: CollectorRegistry) -> None:
    shop = Shop()
    notifier = FakeNotifier()
    alerts = AlertPolicy(notifier, shop.clock, THRESHOLDS)
    rejections = ObservedRejections(shop.uow, shop.clock, ShopMetrics(registry), alerts)

    for body in (b"forged-1", b"forged-2", b"forged-3"):
        await rejections.execute("cryptopay", body, "notification_untrusted")

    labels = {"source": "cryptopay", "reason": "notification_untrusted"}
    assert registry.get_sample_value("shop_webhook_rejections_total", labels) == 3
    assert notifier.events == [
        OperationalAlertRaised(AlertKind.WEBHOOK_REJECTIONS, "cryptopay", 2, 2)
    ]
    stored = list(shop.store.state.events.values())
    assert len(stored) == 3  # the audit trail is kept as before
    assert not any(event.verified for event in stored)
