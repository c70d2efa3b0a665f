"""The composition root builds the real dispatcher, web app and adapters from settings."""

from __future__ import annotations

import itertools

from aiogram import Dispatcher
from aiogram.methods import SendMessage
from aiogram.types import Chat, Message, Update, User
from aiohttp import web
from dependency_injector import providers
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import create_async_engine

from shop_adapters.in_process.cache import InMemoryCache
from shop_adapters.in_process.locks import InProcessLock
from shop_adapters.in_process.rate_limiter import InMemoryRateLimiter, UnlimitedRateLimiter
from shop_adapters.jobs.taskiq_queue import TaskiqJobQueue
from shop_adapters.redis.cache import RedisCache
from shop_adapters.redis.locks import RedisLock
from shop_adapters.redis.rate_limiter import RedisRateLimiter
from shop_adapters.remnawave.webhook_parser import RemnawaveWebhookParser
from shop_adapters.telegram.notifier import TelegramNotifier
from shop_domain.model.ids import CustomerId
from shop_entrypoints.composition.infra import START_ORDER
from shop_entrypoints.container import build_container
from shop_entrypoints.jobs.tasks import register_jobs
from shop_entrypoints.monitoring.observed import ObservedNotifier
from shop_entrypoints.telegram.dispatcher import USE_CASES
from shop_entrypoints.telegram.texts import Texts
from tests.unit.entrypoints.container_harness import ContainerHarness, shop_settings
from tests.unit.fakes import T0

_ids = itertools.count(1)


def start_update(user_id: int) -> Update:
    user = User(id=user_id, is_bot=False, first_name="Ann", language_code="en")
    message = Message(
        message_id=next(_ids),
        date=T0,
        chat=Chat(id=user_id, type="private"),
        from_user=user,
        text="/start",
    )
    return Update(update_id=next(_ids), message=message)


def test_the_dispatcher_gets_every_use_case_it_names() -> None:
    harness = ContainerHarness()

    dispatcher = harness.container.telegram.dispatcher()

    assert isinstance(dispatcher, Dispatcher)
    for name, expected in USE_CASES.items():
        assert isinstance(dispatcher.workflow_data[name], expected), name
    assert dispatcher.workflow_data["bot_config"].bot_username == "shop_test_bot"
    assert dispatcher.workflow_data["bot_config"].admin_ids == frozenset({7})


async def test_a_start_update_runs_through_the_container_built_bot() -> None:
    harness = ContainerHarness()
    dispatcher = harness.container.telegram.dispatcher()

    await dispatcher.feed_update(harness.bot, start_update(501))

    assert CustomerId(501) in harness.store.state.customers
    sent = harness.session.of_type(SendMessage)
    assert [m.text for m in sent] == [Texts().get("en", "welcome-new", name="Ann")]
    assert harness.panel.calls == []


def test_use_cases_are_singletons_and_each_unit_of_work_is_new() -> None:
    harness = ContainerHarness()
    use_cases = harness.container.use_cases

    assert use_cases.start_trial() is use_cases.start_trial()
    factory = harness.container.infra.uow_factory()
    assert factory() is not factory()


def test_without_redis_shared_state_stays_in_this_process() -> None:
    adapters = ContainerHarness().container.adapters

    assert isinstance(adapters.rate_limiter(), InMemoryRateLimiter)
    assert isinstance(adapters.cache(), InMemoryCache)
    assert isinstance(adapters.locks(), InProcessLock)


def test_with_redis_rate_limits_cache_and_locks_are_shared() -> None:
    harness = ContainerHarness(shop_settings(redis={"url": "redis://127.0.0.1:1/0"}))
    client = Redis.from_url("redis://127.0.0.1:1/0")  # never connected by these tests
    harness.container.infra.redis.override(providers.Object(client))
    adapters = harness.container.adapters

    assert isinstance(adapters.rate_limiter(), RedisRateLimiter)
    assert isinstance(adapters.cache(), RedisCache)
    assert isinstance(adapters.locks(), RedisLock)


def test_a_disabled_rate_limit_lets_everyone_through() -> None:
    harness = ContainerHarness(shop_settings(rate_limit={"enabled": False}))

    assert isinstance(harness.container.adapters.rate_limiter(), UnlimitedRateLimiter)


def test_use_cases_notify_through_the_counting_notifier_around_the_bot() -> None:
    container = ContainerHarness().container

    assert isinstance(container.telegram_notifier(), TelegramNotifier)
    assert isinstance(container.monitoring.observed_notifier(), ObservedNotifier)
    assert container.use_cases.notifier() is container.monitoring.observed_notifier()


def test_every_connection_owner_is_a_resource_opened_in_order() -> None:
    infra = build_container(shop_settings()).infra

    for name in START_ORDER:
        assert isinstance(getattr(infra, name), providers.Resource), name
    order = list(START_ORDER)
    assert order.index("panel_http") < order.index("engine") < order.index("redis")
    assert order[-1] == "bot"  # closed first


async def test_the_web_app_serves_webhooks_health_and_metrics() -> None:
    harness = ContainerHarness()
    engine = create_async_engine("sqlite+aiosqlite://")
    harness.container.infra.engine.override(providers.Object(engine))

    app = harness.container.web.app()

    assert isinstance(app, web.Application)
    paths = {resource.canonical for resource in app.router.resources()}
    assert {"/payments/{provider}", "/panel/webhook", "/health", "/ready", "/metrics"} <= paths
    await engine.dispose()


def test_settings_switch_payment_providers_on_without_code_changes() -> None:
    off = ContainerHarness().container.adapters.gateways()
    on = ContainerHarness(
        shop_settings(
            payments={"stars": {"enabled": True}, "cryptopay": {"enabled": True, "token": "1:x"}}
        )
    ).container.adapters.gateways()

    assert off.names == ()
    assert set(on.names) == {"telegram_stars", "cryptopay"}


def test_panel_webhooks_are_verified_only_with_a_secret() -> None:
    secret = "A1" * 20
    unsigned = ContainerHarness().container.adapters.panel_webhook_parser()
    signed = ContainerHarness(
        shop_settings(
            panel={"url": "https://p.example.com", "api_token": "t", "webhook_secret": secret}
        )
    ).container.adapters.panel_webhook_parser()

    assert unsigned is None
    assert isinstance(signed, RemnawaveWebhookParser)


def test_every_job_has_its_use_case_and_the_queue_is_the_job_engine() -> None:
    harness = ContainerHarness()

    registered = register_jobs(harness.jobs.broker, harness.container.jobs.job_use_cases())

    assert isinstance(harness.container.adapters.job_queue(), TaskiqJobQueue)
    assert {
        "provision_subscription",
        "retry_provisioning",
        "send_expiry_reminders",
        "send_broadcast",
        "resume_broadcasts",
        "reconcile_pending_payments",
        "expire_discount_reservations",
        "sync_panel_users",
    } <= registered
