"""CryptoPay (@CryptoBot): invoices priced in fiat or crypto, paid in crypto (contract §3)."""

from shop_adapters.payments.providers.cryptopay.config import CryptoPayConfig
from shop_adapters.payments.providers.cryptopay.gateway import CryptoPayGateway

__all__ = ["CryptoPayConfig", "CryptoPayGateway"]
