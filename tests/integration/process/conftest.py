from collections.abc import AsyncIterator

import pytest

from tests.integration.process.harness import Fakes


@pytest.fixture
async def fakes() -> AsyncIterator[Fakes]:
    """The fake Bot API and the fake panel, both on 127.0.0.1."""
    started = await Fakes.start()
    yield started
    await started.close()
