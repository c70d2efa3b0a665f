"""build_payment_gateways: settings decide which providers exist, in which order, for which
currencies."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiogram import Bot

from shop_domain.errors import PaymentMethodNotAvailableError
from shop_entrypoints.composition.payment_gateways import build_payment_gateways
from shop_entrypoints.settings.payments import PaymentSettings
from tests.fakes.telegram.stars import FakeStarsSession
from tests.unit.fakes import FixedClock

ALL_ON: dict[str, Any] = {
    "stars": {"enabled": True},
    "cryptopay": {"enabled": True, "token": "123:cryptoToken", "currencies": "RUB,USDT"},
    "stripe": {
        "enabled": True,
        "secret_key": "sk_live_x",
        "webhook_secret": "whsec_x",
        "success_url": "https://t.me/shop_bot",
        "currencies": "USD",
    },
    "robokassa": {"enabled": True, "merchant_login": "shop", "password1": "a", "password2": "b"},
}


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as http:
        yield http


def build(client: httpx.AsyncClient, **settings: Any) -> Any:
    bot = Bot("42:TEST", session=FakeStarsSession())
    payments = PaymentSettings.model_validate(settings)
    return build_payment_gateways(payments, http_client=client, bot=bot, clock=FixedClock())


async def test_nothing_is_offered_by_default(client: httpx.AsyncClient) -> None:
    registry = build(client)
    assert registry.names == ()
    with pytest.raises(PaymentMethodNotAvailableError):
        registry.get("telegram_stars")


async def test_enabled_providers_follow_the_button_order(client: httpx.AsyncClient) -> None:
    registry = build(client, button_order="robokassa,stripe", **ALL_ON)
    assert registry.names == ("robokassa", "stripe", "cryptopay", "telegram_stars")


async def test_each_provider_is_offered_only_for_its_currencies(
    client: httpx.AsyncClient,
) -> None:
    registry = build(client, **ALL_ON)
    offered = {c: [g.name for g in registry.offered_for(c)] for c in ("XTR", "RUB", "USD", "EUR")}
    assert offered == {
        "XTR": ["telegram_stars"],
        "RUB": ["cryptopay", "robokassa"],
        "USD": ["stripe"],
        "EUR": [],
    }


async def test_an_adapter_refuses_an_unusable_setting_at_start_up(
    client: httpx.AsyncClient,
) -> None:
    stripe = {**ALL_ON["stripe"], "secret_key": "sk_test_x"}  # a test key in live mode
    with pytest.raises(ValueError, match="live mode"):
        build(client, stripe=stripe)
