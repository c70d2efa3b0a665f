"""Stripe Checkout Sessions on the plain form-encoded REST API (contract §4)."""

from shop_adapters.payments.providers.stripe.config import StripeConfig
from shop_adapters.payments.providers.stripe.gateway import StripeGateway

__all__ = ["StripeConfig", "StripeGateway"]
