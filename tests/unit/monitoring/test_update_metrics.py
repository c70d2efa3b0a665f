from aiogram.fsm.storage.memory import MemoryStorage
from prometheus_client import CollectorRegistry

from shop_domain.ports.rate_limiter import RateDecision
from shop_entrypoints.monitoring.metrics import ShopMetrics
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from shop_entrypoints.telegram.dispatcher import build_dispatcher
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.port_fakes import FakeRateLimiter
from tests.unit.telegram.wiring import use_cases

USER = 100


class BrokenRateLimiter(FakeRateLimiter):
    async def hit(self, key: str) -> RateDecision:
        raise RuntimeError("a bug")


def metered(rate_limiter: FakeRateLimiter) -> tuple[BotHarness, CollectorRegistry]:
    registry = CollectorRegistry()
    bot = BotHarness(rate_limiter=rate_limiter)
    bot.dispatcher = build_dispatcher(
        storage=MemoryStorage(),
        rate_limiter=bot.rate_limiter,
        texts=bot.texts,
        config=bot.config,
        use_cases=use_cases(bot.shop),
        cache=bot.cache,
        update_metrics=ShopMetrics(registry),
    )
    return bot, registry


def updates(registry: CollectorRegistry, outcome: str, update_type: str = "message") -> float:
    labels = {"update_type": update_type, "outcome": outcome}
    return registry.get_sample_value("shop_telegram_updates_total", labels) or 0.0


async def test_handled_and_throttled_updates_are_counted_apart() -> None:
    bot, registry = metered(FakeRateLimiter(limit=2))

    for _ in range(5):
        await bot.send(USER, "/start")

    assert updates(registry, "handled") == 2
    assert updates(registry, "throttled") == 3
    count = registry.get_sample_value(
        "shop_telegram_update_seconds_count", {"update_type": "message"}
    )
    assert count == 5


async def test_a_failing_update_counts_as_an_error() -> None:
    bot, registry = metered(BrokenRateLimiter())

    await bot.send(USER, "/start")

    assert updates(registry, "error") == 1
    assert updates(registry, "handled") == 0


async def test_callbacks_carry_their_own_update_type() -> None:
    bot, registry = metered(FakeRateLimiter())
    await bot.send(USER, "/start")
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN))

    assert updates(registry, "handled", "callback_query") == 1
