"""The dispatcher's wiring: every name a handler asks for is provided."""

import inspect

import pytest
from aiogram.fsm.storage.memory import MemoryStorage

from shop_entrypoints.telegram.dispatcher import USE_CASES, build_dispatcher
from tests.unit.telegram.bot_harness import TEXTS, BotHarness
from tests.unit.telegram.counting_shop import CountingShop
from tests.unit.telegram.port_fakes import FakeRateLimiter
from tests.unit.telegram.wiring import default_config, use_cases

# Provided by aiogram itself or by our middlewares.
PROVIDED = {
    "bot",
    "state",
    "raw_state",
    "callback_data",
    "customer",
    "registration",
    "event_from_user",
    "event_chat",
    "event_update",
    "command",
}


def test_every_handler_parameter_is_injected(bot: BotHarness) -> None:
    provided = PROVIDED | set(bot.dispatcher.workflow_data)
    checked = 0
    for router in bot.dispatcher.sub_routers:
        for observer in router.observers.values():
            for handler in observer.handlers:
                parameters = list(inspect.signature(handler.callback).parameters.values())[1:]
                missing = [p.name for p in parameters if p.name not in provided]
                assert missing == [], f"{handler.callback.__qualname__} wants {missing}"
                checked += 1
    assert checked >= 25


def test_a_missing_or_wrong_use_case_fails_at_startup() -> None:
    shop = CountingShop()
    cases = use_cases(shop)
    assert set(cases) == set(USE_CASES)
    del cases["start_trial"]
    with pytest.raises(ValueError, match="start_trial"):
        _build(cases)
    cases = {**use_cases(shop), "price_plan": object()}
    with pytest.raises(TypeError, match="price_plan"):
        _build(cases)


def test_a_required_channel_needs_a_cache() -> None:
    with pytest.raises(ValueError, match="cache"):
        build_dispatcher(
            storage=MemoryStorage(),
            rate_limiter=FakeRateLimiter(),
            texts=TEXTS,
            config=default_config(required_channel_id=-100),
            use_cases=use_cases(CountingShop()),
        )


async def test_a_second_dispatcher_takes_the_routers_over() -> None:
    first, second = BotHarness(), BotHarness()
    assert first.dispatcher.sub_routers == []
    await second.send(5, "/start")
    assert second.screens()


def _build(cases: dict[str, object]) -> None:
    build_dispatcher(
        storage=MemoryStorage(),
        rate_limiter=FakeRateLimiter(),
        texts=TEXTS,
        config=default_config(),
        use_cases=cases,
    )
