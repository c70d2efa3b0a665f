"""Web: the aiohttp application for payment and panel webhooks, health and metrics."""

from __future__ import annotations

from dependency_injector import containers, providers
from prometheus_client import CollectorRegistry

from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_entrypoints.composition import health
from shop_entrypoints.webhooks.app import build_web_app
from shop_entrypoints.webhooks.client_ip import ClientIpResolver
from shop_entrypoints.webhooks.health import HealthCheck, HealthEndpoints
from shop_entrypoints.webhooks.metrics import WebMetrics
from shop_entrypoints.webhooks.panel import PanelWebhooks
from shop_entrypoints.webhooks.payments import PaymentWebhooks


class Web(containers.DeclarativeContainer):
    config = providers.Configuration(strict=True)
    infra = providers.DependenciesContainer()
    adapters = providers.DependenciesContainer()
    use_cases = providers.DependenciesContainer()

    registry: providers.Dependency[CollectorRegistry] = providers.Dependency(
        instance_of=CollectorRegistry
    )
    #: RecordRejectedNotification, counted and alerted on by Monitoring.
    record_rejected: providers.Dependency[RecordRejectedNotification] = providers.Dependency(
        instance_of=RecordRejectedNotification
    )
    panel_check: providers.Dependency[HealthCheck] = providers.Dependency()
    metrics = providers.Singleton(WebMetrics, registry)
    health = providers.Singleton(
        HealthEndpoints,
        providers.Callable(
            health.checks,
            providers.Callable(health.database_check, infra.engine),
            providers.Callable(health.redis_check, infra.redis),
            panel_check,
        ),
        optional=providers.Callable(health.optional_checks, config.monitoring.panel_required),
        timeout_seconds=config.monitoring.check_timeout_seconds,
        cache_seconds=config.monitoring.ready_cache_seconds,
    )
    payments = providers.Singleton(
        PaymentWebhooks,
        adapters.gateways,
        use_cases.confirm_payment,
        record_rejected,
        providers.Singleton(ClientIpResolver, config.web.trusted_proxies),
    )
    panel = providers.Singleton(
        PanelWebhooks,
        adapters.panel_webhook_parser,
        use_cases.handle_panel_event,
        record_rejected,
    )
    app = providers.Singleton(
        build_web_app, payments=payments, panel=panel, health=health, metrics=metrics
    )
