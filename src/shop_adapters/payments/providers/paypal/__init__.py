"""PayPal Orders v2: approve by redirect, capture on our side, verified webhooks (§5)."""

from shop_adapters.payments.providers.paypal.config import PayPalConfig
from shop_adapters.payments.providers.paypal.gateway import PayPalGateway

__all__ = ["PayPalConfig", "PayPalGateway"]
