"""Robokassa: a signed redirect, a ResultURL notification, OpStateExt status (contract §6)."""

from shop_adapters.payments.providers.robokassa.config import RobokassaConfig
from shop_adapters.payments.providers.robokassa.gateway import RobokassaGateway

__all__ = ["RobokassaConfig", "RobokassaGateway"]
