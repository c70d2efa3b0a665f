"""The enabled payment gateways, built from the `payments` settings (a composition helper).

Secrets leave their `SecretStr` only here. A disabled provider is `None` in the registry's
mapping; the adapter config dataclasses re-check the values at start-up (a Stripe test key in
live mode, equal Robokassa passwords, ...), so a wrong setting stops the shop before it sells.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
from aiogram import Bot
from pydantic import SecretStr

from shop_adapters.payments.providers.cryptopay import CryptoPayConfig, CryptoPayGateway
from shop_adapters.payments.providers.paypal import PayPalConfig, PayPalGateway
from shop_adapters.payments.providers.robokassa import RobokassaConfig, RobokassaGateway
from shop_adapters.payments.providers.stripe import StripeConfig, StripeGateway
from shop_adapters.payments.providers.telegram_stars import (
    TelegramStarsConfig,
    TelegramStarsGateway,
)
from shop_adapters.payments.providers.yookassa import YooKassaConfig, YooKassaGateway
from shop_adapters.payments.registry import PaymentGatewayRegistry
from shop_domain.ports.clock import Clock
from shop_domain.ports.payment_gateway import PaymentGateway
from shop_entrypoints.settings.payment_paypal import PayPalSettings
from shop_entrypoints.settings.payment_providers import (
    CryptoPaySettings,
    RobokassaSettings,
    StarsSettings,
    StripeSettings,
)
from shop_entrypoints.settings.payment_yookassa import YooKassaSettings
from shop_entrypoints.settings.payments import PaymentSettings


def _secret(value: SecretStr | None) -> str:
    return "" if value is None else value.get_secret_value()


def build_payment_gateways(
    payments: PaymentSettings, *, http_client: httpx.AsyncClient, bot: Bot, clock: Clock
) -> PaymentGatewayRegistry:
    builders: dict[str, Callable[[], PaymentGateway]] = {
        "telegram_stars": lambda: _stars(payments.stars, bot),
        "cryptopay": lambda: _cryptopay(payments.cryptopay, http_client),
        "stripe": lambda: _stripe(payments.stripe, http_client, clock),
        "robokassa": lambda: _robokassa(payments.robokassa, http_client),
        "yookassa": lambda: _yookassa(payments.yookassa, http_client),
        "paypal": lambda: _paypal(payments.paypal, http_client, clock),
    }
    enabled = set(payments.enabled)
    gateways = {name: build() if name in enabled else None for name, build in builders.items()}
    return PaymentGatewayRegistry(gateways, button_order=payments.button_order)


def _stars(stars: StarsSettings, bot: Bot) -> PaymentGateway:
    config = TelegramStarsConfig(
        transactions_page_size=stars.transactions_page_size,
        max_pages_per_lookup=stars.max_pages_per_lookup,
        rescan_after_seconds=stars.rescan_after_seconds,
    )
    return TelegramStarsGateway(bot, config)


def _cryptopay(section: CryptoPaySettings, client: httpx.AsyncClient) -> PaymentGateway:
    config = CryptoPayConfig(
        token=_secret(section.token),
        currencies=frozenset(section.currencies),
        testnet=section.testnet,
        accepted_assets=tuple(section.accepted_assets),
        invoice_ttl_seconds=section.invoice_ttl_seconds,
    )
    return CryptoPayGateway(client, config)


def _stripe(section: StripeSettings, client: httpx.AsyncClient, clock: Clock) -> PaymentGateway:
    config = StripeConfig(
        secret_key=_secret(section.secret_key),
        webhook_secret=_secret(section.webhook_secret),
        success_url=section.success_url or "",
        cancel_url=section.cancel_url,
        test_mode=section.test_mode,
        currencies=frozenset(section.currencies),
        checkout_ttl_minutes=section.checkout_ttl_minutes,
    )
    return StripeGateway(client, config, clock)


def _robokassa(section: RobokassaSettings, client: httpx.AsyncClient) -> PaymentGateway:
    config = RobokassaConfig(
        merchant_login=section.merchant_login or "",
        password1=_secret(section.password1),
        password2=_secret(section.password2),
        test_mode=section.test_mode,
        hash_algorithm=section.hash_algorithm,
        allowed_ips=tuple(section.allowed_ips),
    )
    return RobokassaGateway(client, config)


def _yookassa(section: YooKassaSettings, client: httpx.AsyncClient) -> PaymentGateway:
    config = YooKassaConfig(
        shop_id=section.shop_id or "",
        secret_key=_secret(section.secret_key),
        return_url=section.return_url or "",
        test_mode=section.test_mode,
        currencies=frozenset(section.currencies),
        allowed_ips=tuple(section.allowed_ips),
    )
    return YooKassaGateway(client, config)


def _paypal(section: PayPalSettings, client: httpx.AsyncClient, clock: Clock) -> PaymentGateway:
    config = PayPalConfig(
        client_id=section.client_id or "",
        client_secret=_secret(section.client_secret),
        webhook_id=section.webhook_id or "",
        return_url=section.return_url or "",
        sandbox=section.sandbox,
        capture_url=section.capture_url,
        cancel_url=section.cancel_url,
        brand_name=section.brand_name,
        currencies=frozenset(section.currencies),
        max_age_seconds=section.max_webhook_age_hours * 3600,
    )
    return PayPalGateway(client, config, clock)
