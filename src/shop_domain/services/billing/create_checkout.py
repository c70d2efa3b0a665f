"""Checkout: snapshot the quote as an order, record a pending payment, then ask the provider.

The local order exists before the provider is called, so a webhook that arrives before the
provider's answer still finds it. A double tap returns the open checkout instead of a second.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from shop_domain.errors import (
    CheckoutInProgressError,
    CustomerBannedError,
    PaymentProviderError,
    PriceNotAvailableError,
)
from shop_domain.model.ids import CustomerId, OrderId, PaymentId, PlanId
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.clock import Clock
from shop_domain.ports.locks import DistributedLock
from shop_domain.ports.payment_gateway import (
    Checkout,
    CheckoutKind,
    CheckoutRequest,
    PaymentGateway,
    PaymentGateways,
)
from shop_domain.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from shop_domain.services.billing.quote_order import QuoteOrder, QuoteOrderRequest
from shop_domain.services.ids import new_id

logger = logging.getLogger(__name__)

_LOCK_SECONDS = 30


@dataclass(frozen=True, slots=True)
class CreateCheckoutRequest:
    customer_id: CustomerId
    plan_id: PlanId
    days: int
    provider: str
    language: str = "ru"
    return_url: str | None = None


@dataclass(frozen=True, slots=True)
class CheckoutResult:
    payment_id: PaymentId
    order: Order
    kind: CheckoutKind
    amount: Money
    url: str | None = None
    invoice_payload: str | None = None
    reused: bool = False


class CreateCheckout:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        gateways: PaymentGateways,
        quote_order: QuoteOrder,
        policy: ShopPolicy,
        locks: DistributedLock,
    ) -> None:
        self._locks = locks
        self._uow_factory = uow_factory
        self._clock = clock
        self._gateways = gateways
        self._quote_order = quote_order
        self._policy = policy

    async def execute(self, request: CreateCheckoutRequest) -> CheckoutResult:
        gateway = self._gateways.get(request.provider)
        lease = await self._locks.acquire(f"checkout:{request.customer_id}", _LOCK_SECONDS)
        if lease is None:
            raise CheckoutInProgressError(str(request.customer_id))
        try:
            return await self._checkout(gateway, request)
        finally:
            await lease.release()

    async def _checkout(
        self, gateway: PaymentGateway, request: CreateCheckoutRequest
    ) -> CheckoutResult:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(request.customer_id)
            if customer is not None and customer.is_banned:
                raise CustomerBannedError(str(customer.id))
            order = await self._order_for(uow, request, gateway)
            reused = await self._open_checkout(uow, request, order)
            if reused is not None:
                return reused
            payment = Payment(
                id=PaymentId(new_id()),
                order_id=order.id,
                customer_id=order.customer_id,
                provider=gateway.name,
                amount=order.price,
                status=PaymentStatus.PENDING,
                created_at=order.created_at,
            )
            await uow.orders.add(order)
            await uow.payments.add(payment)
            await uow.commit()
        checkout = await self._ask_provider(gateway, request, order, payment)
        async with self._uow_factory() as uow:
            await uow.payments.attach_checkout(
                payment.id, checkout.provider_payment_id, checkout.url
            )
            await uow.commit()
        logger.info("checkout_created", extra={"payment_id": payment.id, "provider": gateway.name})
        return CheckoutResult(
            payment.id,
            order,
            gateway.capabilities.checkout_kind,
            order.price,
            url=checkout.url,
            invoice_payload=checkout.invoice_payload,
        )

    async def _order_for(
        self, uow: UnitOfWork, request: CreateCheckoutRequest, gateway: PaymentGateway
    ) -> Order:
        accepted = gateway.capabilities.currencies
        preferred = [c for c in self._policy.currencies if c in accepted]
        preferred += sorted(accepted - set(preferred))
        for currency in preferred:
            try:
                quote = await self._quote_order.quote_in(
                    uow,
                    QuoteOrderRequest(request.customer_id, request.plan_id, request.days, currency),
                )
            except PriceNotAvailableError:
                continue
            return Order.from_quote(
                quote,
                order_id=OrderId(new_id()),
                customer_id=request.customer_id,
                now=self._clock.now(),
            )
        raise PriceNotAvailableError(f"{gateway.name} takes none of this plan's currencies")

    async def _open_checkout(
        self, uow: UnitOfWork, request: CreateCheckoutRequest, order: Order
    ) -> CheckoutResult | None:
        """An unexpired pending checkout for the same thing at the same price, if any."""
        fresh_after = order.created_at - timedelta(minutes=self._policy.checkout_ttl_minutes)
        for payment in await uow.payments.list_for_customer(request.customer_id, limit=5):
            if (
                payment.status is not PaymentStatus.PENDING
                or payment.provider != request.provider
                or payment.created_at < fresh_after
            ):
                continue
            kind = self._gateways.get(payment.provider).capabilities.checkout_kind
            invoice = payment.id if kind is CheckoutKind.TELEGRAM_INVOICE else None
            if payment.checkout_url is None and invoice is None:
                continue  # the provider has not answered yet
            previous = await uow.orders.get(payment.order_id)
            if previous is not None and _same_purchase(previous, order):
                return CheckoutResult(
                    payment.id,
                    previous,
                    kind,
                    previous.price,
                    url=payment.checkout_url,
                    invoice_payload=invoice,
                    reused=True,
                )
        return None

    async def _ask_provider(
        self,
        gateway: PaymentGateway,
        request: CreateCheckoutRequest,
        order: Order,
        payment: Payment,
    ) -> Checkout:
        checkout_request = CheckoutRequest(
            order=order,
            payment_id=payment.id,
            customer_id=order.customer_id,
            description=f"{order.plan_name} ({order.days})",
            return_url=request.return_url,
            language=request.language,
        )
        try:
            return await gateway.create_checkout(checkout_request)
        except PaymentProviderError:
            # Nothing was paid; a failed payment still accepts a late confirmation.
            async with self._uow_factory() as uow:
                await uow.payments.transition(payment.id, PaymentStatus.FAILED, self._clock.now())
                await uow.commit()
            raise


def _same_purchase(previous: Order, current: Order) -> bool:
    return (
        previous.plan_id == current.plan_id
        and previous.days == current.days
        and previous.price == current.price
    )
