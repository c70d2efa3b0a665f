"""Decorators that count what passes through a port or use case, and feed the alerts.

`ObservedNotifier` wraps the Notifier: credited and held payments and provisioning failures
become metrics on their way to the chats. `ObservedRejections` wraps
RecordRejectedNotification: every refused webhook is counted by source and reason, and
repeated refusals from one source raise an alert.
"""

from __future__ import annotations

from shop_domain.events import (
    PaymentHeldForReview,
    PaymentSucceeded,
    ProvisioningFailed,
    ShopEvent,
)
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_domain.services.monitoring.alert_policy import AlertPolicy
from shop_entrypoints.monitoring.metrics import ShopMetrics


class ObservedNotifier:
    def __init__(self, inner: Notifier, metrics: ShopMetrics) -> None:
        self._inner = inner
        self._metrics = metrics

    async def notify(self, event: ShopEvent) -> None:
        if isinstance(event, PaymentSucceeded):
            self._metrics.payment_credited(event.provider, event.amount.currency)
        elif isinstance(event, PaymentHeldForReview):
            self._metrics.payments_held.labels(event.provider).inc()
        elif isinstance(event, ProvisioningFailed):
            self._metrics.provisioning_failures.inc()
        await self._inner.notify(event)


class ObservedRejections(RecordRejectedNotification):
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        metrics: ShopMetrics,
        alerts: AlertPolicy,
    ) -> None:
        super().__init__(uow_factory, clock)
        self._metrics = metrics
        self._alerts = alerts

    async def execute(self, source: str, body: bytes, reason: str) -> None:
        self._metrics.webhook_rejected(source, reason)
        await self._alerts.webhook_rejected(source)
        await super().execute(source, body, reason)
