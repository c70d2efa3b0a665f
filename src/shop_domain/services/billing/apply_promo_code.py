"""Redeem a promo code: bonus days now, or a percent discount reserved for a while."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from shop_domain.errors import (
    CustomerBannedError,
    CustomerNotFoundError,
    PromoCodeAlreadyUsedError,
    PromoCodeExhaustedError,
    PromoCodeNotFoundError,
)
from shop_domain.model.ids import CustomerId
from shop_domain.model.promo_codes import PromoActivation, PromoKind, normalise_code
from shop_domain.model.provisioning import ProvisioningReason
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.core.grant_days import grant_bonus_days
from shop_domain.services.core.provisioning_queue import ProvisioningQueue

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ApplyPromoCodeRequest:
    customer_id: CustomerId
    code: str


@dataclass(frozen=True, slots=True)
class ApplyPromoCodeResult:
    kind: PromoKind
    value: int
    expires_at: datetime | None = None  # bonus days: the new expiry
    reserved_until: datetime | None = None  # discount: use it before this moment


class ApplyPromoCode:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        policy: ShopPolicy,
        provisioning: ProvisioningQueue,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._policy = policy
        self._provisioning = provisioning

    async def execute(self, request: ApplyPromoCodeRequest) -> ApplyPromoCodeResult:
        now = self._clock.now()
        job_id: str | None = None
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(request.customer_id)
            if customer is None:
                raise CustomerNotFoundError(str(request.customer_id))
            if customer.is_banned:
                raise CustomerBannedError(str(customer.id))
            code = await uow.promo_codes.get_by_code(normalise_code(request.code))
            if code is None:
                raise PromoCodeNotFoundError(request.code)
            code.check_redeemable(now=now, customer_has_paid=customer.has_paid)
            if await uow.promo_codes.get_activation(code.id, customer.id) is not None:
                raise PromoCodeAlreadyUsedError(code.code)
            if not await uow.promo_codes.claim_activation(code.id):
                raise PromoCodeExhaustedError(code.code)
            activation = PromoActivation.for_code(code, customer.id, now)
            if not await uow.promo_codes.add_activation(activation):
                raise PromoCodeAlreadyUsedError(code.code)  # a double tap won the race
            result = ApplyPromoCodeResult(
                kind=code.kind, value=code.value, reserved_until=activation.reserved_until
            )
            if code.kind is PromoKind.BONUS_DAYS:
                subscription, job_id = await grant_bonus_days(
                    uow,
                    customer_id=customer.id,
                    days=code.value,
                    now=now,
                    limits=self._policy.bonus_limits,
                    reason=ProvisioningReason.BONUS,
                )
                result = ApplyPromoCodeResult(
                    kind=code.kind, value=code.value, expires_at=subscription.expires_at
                )
            await uow.commit()
        logger.info("promo_code_applied", extra={"customer_id": customer.id, "code": code.code})
        if job_id is not None:
            await self._provisioning.submit(job_id)
        return result
