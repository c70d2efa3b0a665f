"""An operator refunds a payment: the provider returns the money, then access is reversed."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from shop_domain.errors import (
    PaymentAlreadyProcessedError,
    PaymentNotFoundError,
    RefundNotSupportedError,
)
from shop_domain.model.ids import PaymentId
from shop_domain.model.payments import CREDITED, PaymentStatus
from shop_domain.ports.clock import Clock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.payment_gateway import PaymentGateways, RefundSupport
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.billing.payment_reversal import Reversal, reverse_payment
from shop_domain.services.core.provisioning_queue import ProvisioningQueue

logger = logging.getLogger(__name__)

_REFUNDABLE = CREDITED | {PaymentStatus.HELD}


@dataclass(frozen=True, slots=True)
class RefundPaymentRequest:
    payment_id: PaymentId
    through_provider: bool = True  # False: the money was returned by hand, only reverse access


class RefundPayment:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        gateways: PaymentGateways,
        provisioning: ProvisioningQueue,
        notifier: Notifier,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._gateways = gateways
        self._provisioning = provisioning
        self._notifier = notifier

    async def execute(self, request: RefundPaymentRequest) -> Reversal:
        async with self._uow_factory() as uow:
            payment = await uow.payments.get(request.payment_id)
        if payment is None:
            raise PaymentNotFoundError(request.payment_id)
        if payment.status not in _REFUNDABLE:
            raise PaymentAlreadyProcessedError(f"{payment.id} is {payment.status}")
        if request.through_provider:
            gateway = self._gateways.get(payment.provider)
            if gateway.capabilities.refund is not RefundSupport.API:
                raise RefundNotSupportedError(payment.provider)
            # The key derives from our id, so a retried refund is not paid out twice.
            await gateway.refund(payment, None, idempotency_key=f"refund:{payment.id}")
        async with self._uow_factory() as uow:
            current = await uow.payments.get(request.payment_id)
            reversal = (
                None if current is None else await reverse_payment(uow, current, self._clock.now())
            )
            if reversal is None:
                raise PaymentAlreadyProcessedError(f"{request.payment_id} was already refunded")
            await uow.commit()
        logger.info("payment_refunded", extra={"payment_id": payment.id})
        await self._provisioning.submit(*reversal.job_ids)
        for event in reversal.events:
            await self._notifier.notify(event)
        return reversal
