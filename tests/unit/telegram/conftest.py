import pytest

from tests.unit.telegram.bot_harness import BotHarness


@pytest.fixture(params=["ru", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    language: str = request.param
    return language


@pytest.fixture
def bot() -> BotHarness:
    return BotHarness()
