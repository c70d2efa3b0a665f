"""ExpireDiscountReservations (periodic): release discount reservations that ran out unused.

The code's activation count is given back, so a limited code is not exhausted by customers
who reserved a discount and never paid.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from shop_domain.model.promo_codes import ActivationStatus
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory

logger = logging.getLogger(__name__)


class ExpireDiscountReservations:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    async def execute(self, batch_size: int = 200) -> int:
        async with self._uow_factory() as uow:
            expired = await uow.promo_codes.reservations_expired_by(self._clock.now(), batch_size)
            for activation in expired:
                await uow.promo_codes.update_activation(
                    replace(activation, status=ActivationStatus.RELEASED)
                )
                await uow.promo_codes.release_activation(activation.promo_code_id)
            await uow.commit()
        if expired:
            logger.info("discount_reservations_released", extra={"count": len(expired)})
        return len(expired)
