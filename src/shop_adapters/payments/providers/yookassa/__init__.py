"""YooKassa API v3: redirect checkout, unsigned notifications checked by IP and re-fetch (§2)."""

from shop_adapters.payments.providers.yookassa.config import YooKassaConfig
from shop_adapters.payments.providers.yookassa.gateway import YooKassaGateway

__all__ = ["YooKassaConfig", "YooKassaGateway"]
