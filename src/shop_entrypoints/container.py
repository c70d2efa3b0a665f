"""The composition root: the only module family that names concrete classes.

Nested containers, as in dependency-injector's multiple-containers example: `Infra` (the
Resources that own connections), `Adapters` (the ports' implementations), `UseCases`
(singletons that get a unit-of-work factory), `Telegram` (the dispatcher), `Jobs` (what the
workers run), `Monitoring` (metrics, alerts) and `Web` (the aiohttp app). `config` is filled
from the typed `Settings` with `from_pydantic`.
"""

from __future__ import annotations

from dependency_injector import containers, providers
from prometheus_client import CollectorRegistry

from shop_entrypoints.composition.adapters import Adapters
from shop_entrypoints.composition.bot_screens import load_texts
from shop_entrypoints.composition.infra import Infra
from shop_entrypoints.composition.jobs import Jobs
from shop_entrypoints.composition.monitoring import Monitoring
from shop_entrypoints.composition.notifications import notifier
from shop_entrypoints.composition.policy import shop_policy
from shop_entrypoints.composition.telegram import Telegram
from shop_entrypoints.composition.use_cases import UseCases
from shop_entrypoints.composition.web import Web
from shop_entrypoints.monitoring.metrics import ShopMetrics
from shop_entrypoints.settings import Settings


class Container(containers.DeclarativeContainer):
    config = providers.Configuration(strict=True)
    settings: providers.Dependency[Settings] = providers.Dependency(instance_of=Settings)

    infra = providers.Container(Infra, config=config)
    adapters = providers.Container(Adapters, config=config, settings=settings, infra=infra)
    texts = providers.Singleton(load_texts, config.bot)
    #: One Prometheus registry: GET /metrics shows the HTTP, update and business series.
    registry = providers.Singleton(CollectorRegistry)
    metrics = providers.Singleton(ShopMetrics, registry)
    telegram_notifier = providers.Singleton(
        notifier, infra.bot, infra.uow_factory, texts, config.telegram, adapters.cache
    )
    # Alerts go out through the plain notifier; use cases get the one that also counts.
    monitoring = providers.Container(
        Monitoring,
        config=config,
        infra=infra,
        adapters=adapters,
        notifier=telegram_notifier,
        metrics=metrics,
    )
    use_cases = providers.Container(
        UseCases,
        uow_factory=infra.uow_factory,
        customer_lookup=infra.customer_lookup,
        clock=adapters.clock,
        panel=adapters.panel,
        notifier=monitoring.observed_notifier,
        job_queue=adapters.job_queue,
        locks=adapters.locks,
        gateways=adapters.gateways,
        policy=providers.Singleton(shop_policy, settings),
    )
    telegram = providers.Container(
        Telegram,
        config=config,
        infra=infra,
        adapters=adapters,
        use_cases=use_cases,
        texts=texts,
        metrics=metrics,
    )
    jobs = providers.Container(
        Jobs,
        config=config,
        infra=infra,
        adapters=adapters,
        use_cases=use_cases,
        notifier=monitoring.observed_notifier,
    )
    web = providers.Container(
        Web,
        config=config,
        infra=infra,
        adapters=adapters,
        use_cases=use_cases,
        registry=registry,
        record_rejected=monitoring.observed_rejections,
        panel_check=monitoring.panel_check,
    )


def build_container(settings: Settings) -> Container:
    container = Container(settings=providers.Object(settings))
    container.config.from_pydantic(settings)
    return container
