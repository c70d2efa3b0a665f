import pytest

from tests.unit.services.shop_harness import Shop


@pytest.fixture
def shop() -> Shop:
    return Shop()
