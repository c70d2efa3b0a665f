"""Ask the providers about payments still pending after a while, so a lost webhook never loses
a payment (contract §12.2 item 11).

Each pending payment older than `min_age` is re-queried with `fetch_status`. A definite answer
(paid, failed, expired, refunded) goes through the same `ConfirmPayment` pipeline a webhook
takes, with its inbox dedupe and amount check, so a webhook that arrives at the same time
still credits once. A payment the provider still calls pending is left alone; after
`give_up_after` it is marked expired, which still accepts a late confirmation.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields
from datetime import timedelta

from shop_domain.errors import (
    InfrastructureError,
    PaymentMethodNotAvailableError,
    PaymentNotFoundError,
)
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.ports.clock import Clock
from shop_domain.ports.payment_gateway import NotificationKind, PaymentGateways
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.billing.confirm_payment import ConfirmationOutcome, ConfirmPayment

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReconcilePendingPaymentsRequest:
    min_age: timedelta = timedelta(minutes=10)  # give the webhook time to arrive first
    give_up_after: timedelta = timedelta(days=2)  # then stop asking: mark it expired
    batch_size: int = 100


@dataclass(frozen=True, slots=True)
class ReconciliationReport:
    checked: int = 0
    credited: int = 0
    still_pending: int = 0
    closed: int = 0  # failed, expired, held or refunded by the provider's answer
    given_up: int = 0
    skipped: int = 0  # provider disabled or without a status query
    errors: int = 0  # provider or storage unreachable: asked again next run


class ReconcilePendingPayments:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        gateways: PaymentGateways,
        confirm_payment: ConfirmPayment,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._gateways = gateways
        self._confirm_payment = confirm_payment

    async def execute(self, request: ReconcilePendingPaymentsRequest) -> ReconciliationReport:
        if request.batch_size < 1 or request.give_up_after < request.min_age:
            raise ValueError("batch_size must be positive and give_up_after >= min_age")
        cutoff = self._clock.now() - request.min_age
        async with self._uow_factory() as uow:
            pending = await uow.payments.pending_older_than(cutoff, request.batch_size)
        counts = {field.name: 0 for field in fields(ReconciliationReport)}
        for payment in pending:
            counts["checked"] += 1
            counts[await self._reconcile(payment, request)] += 1
        report = ReconciliationReport(**counts)
        logger.info("pending_payments_reconciled", extra=asdict(report))
        return report

    async def _reconcile(self, payment: Payment, request: ReconcilePendingPaymentsRequest) -> str:
        try:
            gateway = self._gateways.get(payment.provider)
        except PaymentMethodNotAvailableError:
            return "skipped"
        if not gateway.capabilities.supports_status_query:
            return "skipped"
        try:
            found = await gateway.fetch_status(payment)
            if found is not None and found.kind is not NotificationKind.PENDING:
                result = await self._confirm_payment.execute(found, b"")
                return "credited" if result.outcome is ConfirmationOutcome.CREDITED else "closed"
            return await self._still_pending(payment, request)
        except (InfrastructureError, PaymentNotFoundError) as error:
            logger.warning(
                "payment_reconciliation_failed",
                extra={"payment_id": payment.id, "error_code": error.code},
            )
            return "errors"

    async def _still_pending(
        self, payment: Payment, request: ReconcilePendingPaymentsRequest
    ) -> str:
        now = self._clock.now()
        if payment.created_at + request.give_up_after > now:
            return "still_pending"
        async with self._uow_factory() as uow:
            expired = await uow.payments.transition(payment.id, PaymentStatus.EXPIRED, now)
            await uow.commit()
        return "given_up" if expired is not None else "closed"
