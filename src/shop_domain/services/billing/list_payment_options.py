"""The payment methods offered for one plan duration, each with its server-side price.

A provider is listed under the first of the plan's currencies it takes, in the operator's
preference order: the same currency CreateCheckout will charge in.
"""

from __future__ import annotations

from dataclasses import dataclass

from shop_domain.errors import PlanNotAvailableError
from shop_domain.model.ids import CustomerId, PlanId
from shop_domain.model.orders import Quote
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.payment_gateway import CheckoutKind, PaymentGateways
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.billing.price_plan import ordered_currencies
from shop_domain.services.billing.quote_order import QuoteOrder, QuoteOrderRequest


@dataclass(frozen=True, slots=True)
class ListPaymentOptionsRequest:
    customer_id: CustomerId
    plan_id: PlanId
    days: int


@dataclass(frozen=True, slots=True)
class PaymentOption:
    provider: str
    checkout_kind: CheckoutKind
    quote: Quote


class ListPaymentOptions:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        gateways: PaymentGateways,
        quote_order: QuoteOrder,
        policy: ShopPolicy,
    ) -> None:
        self._uow_factory = uow_factory
        self._gateways = gateways
        self._quote_order = quote_order
        self._policy = policy

    async def execute(self, request: ListPaymentOptionsRequest) -> tuple[PaymentOption, ...]:
        """Raise PlanNotAvailableError / PriceNotAvailableError for a stale choice."""
        options: dict[str, PaymentOption] = {}
        async with self._uow_factory() as uow:
            plan = await uow.plans.get(request.plan_id)
            if plan is None:
                raise PlanNotAvailableError(str(request.plan_id))
            prices = plan.duration(request.days).prices
            for currency in ordered_currencies(self._policy, prices):
                gateways = [
                    g for g in self._gateways.offered_for(currency) if g.name not in options
                ]
                if not gateways:
                    continue
                quote = await self._quote_order.quote_in(
                    uow,
                    QuoteOrderRequest(request.customer_id, request.plan_id, request.days, currency),
                )
                for gateway in gateways:
                    kind = gateway.capabilities.checkout_kind
                    options[gateway.name] = PaymentOption(gateway.name, kind, quote)
        return tuple(options.values())
