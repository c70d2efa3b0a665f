"""The `harness` fixture: every test taking it runs once per provider adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from tests.integration.payments.cryptopay_harness import CryptoPayHarness
from tests.integration.payments.harness import GatewayHarness
from tests.integration.payments.paypal_harness import PayPalHarness
from tests.integration.payments.robokassa_harness import RobokassaHarness
from tests.integration.payments.stripe_harness import StripeHarness
from tests.integration.payments.yookassa_harness import YooKassaHarness

HARNESSES: dict[str, Callable[[], GatewayHarness]] = {
    "cryptopay": CryptoPayHarness,
    "cryptopay-crypto-priced": lambda: CryptoPayHarness(currency="USDT"),
    "stripe": StripeHarness,
    "stripe-live-mode": lambda: StripeHarness(test_mode=False),
    "robokassa": RobokassaHarness,
    "robokassa-test-mode-sha256": lambda: RobokassaHarness(test_mode=True, algorithm="sha256"),
    "yookassa": YooKassaHarness,
    "paypal": PayPalHarness,
    "paypal-zero-decimal-jpy": lambda: PayPalHarness(currency="JPY", amount="1500"),
    "yookassa-live-mode": lambda: YooKassaHarness(test_mode=False),
}


@pytest.fixture(params=sorted(HARNESSES))
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[GatewayHarness]:
    built = HARNESSES[request.param]()
    yield built
    await built.aclose()
