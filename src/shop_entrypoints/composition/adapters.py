"""Adapters: the ports' implementations. With Redis configured, rate limits, the cache and
locks live there (shared by every instance); without it, in this process."""

from __future__ import annotations

from dependency_injector import containers, providers

from shop_adapters.in_process.cache import InMemoryCache
from shop_adapters.in_process.locks import InProcessLock
from shop_adapters.in_process.rate_limiter import InMemoryRateLimiter, UnlimitedRateLimiter
from shop_adapters.jobs.taskiq_queue import TaskiqJobQueue
from shop_adapters.redis.cache import RedisCache
from shop_adapters.redis.locks import RedisLock
from shop_adapters.redis.rate_limiter import RedisRateLimiter
from shop_adapters.remnawave.panel import RemnawavePanel
from shop_adapters.system.clock import SystemClock
from shop_domain.ports.vpn_panel import PanelWebhookParser
from shop_entrypoints.composition.job_engine import engine_config, open_job_engine
from shop_entrypoints.composition.panel import webhook_parser
from shop_entrypoints.composition.payment_gateways import build_payment_gateways
from shop_entrypoints.settings import Settings


def state_backend(redis_url: object) -> str:
    """Which family holds shared state: "redis" when a URL is configured, else "memory"."""
    return "redis" if redis_url is not None else "memory"


def rate_limit_backend(enabled: bool, redis_url: object) -> str:
    return state_backend(redis_url) if enabled else "off"


class Adapters(containers.DeclarativeContainer):
    config = providers.Configuration(strict=True)
    settings: providers.Dependency[Settings] = providers.Dependency(instance_of=Settings)
    infra = providers.DependenciesContainer()

    clock = providers.Singleton(SystemClock)
    panel = providers.Singleton(RemnawavePanel, infra.panel_http, infra.panel_config)
    panel_webhook_parser: providers.Provider[PanelWebhookParser | None] = providers.Singleton(
        webhook_parser, config.panel.webhook_secret
    )
    _backend = providers.Callable(state_backend, config.redis.url)
    locks = providers.Selector(
        _backend,
        redis=providers.Singleton(RedisLock, infra.redis),
        memory=providers.Singleton(InProcessLock),
    )
    job_engine = providers.Resource(
        open_job_engine,
        providers.Callable(engine_config, config.redis.url, config.jobs),
        locks,
    )
    job_queue = providers.Singleton(
        TaskiqJobQueue, job_engine.provided.broker, job_engine.provided.delayed
    )

    cache = providers.Selector(
        _backend,
        redis=providers.Singleton(RedisCache, infra.redis),
        memory=providers.Singleton(InMemoryCache, max_entries=config.cache.memory_max_entries),
    )
    rate_limiter = providers.Selector(
        providers.Callable(rate_limit_backend, config.rate_limit.enabled, config.redis.url),
        redis=providers.Singleton(
            RedisRateLimiter,
            infra.redis,
            max_requests=config.rate_limit.max_requests,
            window_seconds=config.rate_limit.window_seconds,
            ban_seconds=config.rate_limit.ban_seconds,
        ),
        memory=providers.Singleton(
            InMemoryRateLimiter,
            max_requests=config.rate_limit.max_requests,
            window_seconds=config.rate_limit.window_seconds,
            ban_seconds=config.rate_limit.ban_seconds,
        ),
        off=providers.Singleton(UnlimitedRateLimiter),
    )
    # Each provider is switched on by its `payments` settings section.
    gateways = providers.Singleton(
        build_payment_gateways,
        settings.provided.payments,
        http_client=infra.payments_http,
        bot=infra.bot,
        clock=clock,
    )
