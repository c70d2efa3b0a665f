"""Telegram Stars (XTR): in-chat invoices, confirmed by bot updates (contract §1)."""

from shop_adapters.payments.providers.telegram_stars.config import TelegramStarsConfig
from shop_adapters.payments.providers.telegram_stars.gateway import TelegramStarsGateway

__all__ = ["TelegramStarsConfig", "TelegramStarsGateway"]
