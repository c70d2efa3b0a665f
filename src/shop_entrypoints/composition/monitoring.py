"""Monitoring: the alert policy, the operations watch and the readiness probe of the panel.

Wire it next to the other containers (`notifier` is the plain Telegram notifier, `metrics`
the one ShopMetrics on the shared registry), then: run `monitoring.watch().run()` in the
application's TaskGroup, add `monitoring.panel_check()` to the /ready checks, and decorate
the notifier and the rejected-webhook recorder with `observed_notifier` / `observed_rejections`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dependency_injector import containers, providers

from shop_adapters.persistence.outbox_depth import SqlAlchemyOutboxDepth
from shop_domain.model.alerts import AlertThresholds
from shop_domain.ports.notifier import Notifier
from shop_domain.services.monitoring.alert_policy import AlertPolicy
from shop_entrypoints.composition import health
from shop_entrypoints.monitoring.metrics import ShopMetrics
from shop_entrypoints.monitoring.observed import ObservedNotifier, ObservedRejections
from shop_entrypoints.monitoring.probes import panel_check
from shop_entrypoints.monitoring.watch import OperationsWatch


def alert_thresholds(section: Mapping[str, Any]) -> AlertThresholds:
    return AlertThresholds(
        panel_open_seconds=section["panel_circuit_open_alert_seconds"],
        outbox_backlog=section["outbox_backlog_alert"],
        webhook_failures=section["webhook_failures_alert"],
        webhook_window_seconds=section["webhook_failures_window_seconds"],
        cooldown_seconds=section["alert_cooldown_seconds"],
    )


class Monitoring(containers.DeclarativeContainer):
    config = providers.Configuration(strict=True)
    infra = providers.DependenciesContainer()
    adapters = providers.DependenciesContainer()
    notifier: providers.Dependency[Notifier] = providers.Dependency()
    metrics: providers.Dependency[ShopMetrics] = providers.Dependency(instance_of=ShopMetrics)

    alerts = providers.Singleton(
        AlertPolicy,
        notifier,
        adapters.clock,
        providers.Callable(alert_thresholds, config.monitoring),
    )
    circuit = providers.Callable(health.panel_circuit, adapters.panel)
    panel_check = providers.Singleton(panel_check, adapters.panel, circuit)
    watch = providers.Singleton(
        OperationsWatch,
        metrics,
        alerts,
        providers.Singleton(SqlAlchemyOutboxDepth, infra.sessions),
        circuit,
        config.monitoring.watch_interval_seconds,
    )
    observed_notifier = providers.Singleton(ObservedNotifier, notifier, metrics)
    observed_rejections = providers.Singleton(
        ObservedRejections, infra.uow_factory, adapters.clock, metrics, alerts
    )
