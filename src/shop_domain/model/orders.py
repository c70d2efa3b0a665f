"""Orders: a priced snapshot of what the customer is buying, computed on the server."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shop_domain.model.ids import CustomerId, OrderId, PlanId, PromoCodeId
from shop_domain.model.money import Money
from shop_domain.model.plans import AccessLimits, Plan


@dataclass(frozen=True, slots=True)
class Quote:
    """The price of a plan duration for one customer, before anything is stored."""

    plan_id: PlanId
    plan_name: str
    days: int
    list_price: Money
    price: Money
    limits: AccessLimits
    discount_percent: int = 0
    promo_code_id: PromoCodeId | None = None

    @property
    def discount(self) -> Money:
        return self.list_price - self.price


def quote_for(
    plan: Plan,
    *,
    days: int,
    currency: str,
    discount_percent: int = 0,
    promo_code_id: PromoCodeId | None = None,
) -> Quote:
    """Price a plan duration in `currency`, applying a percent discount if one is reserved."""
    list_price = plan.price(days, currency)
    price = list_price.percent_off(discount_percent)
    if not price.is_positive:
        # Providers refuse zero amounts: a discount that would make the order free is dropped.
        price, discount_percent, promo_code_id = list_price, 0, None
    return Quote(
        plan_id=plan.id,
        plan_name=plan.name,
        days=days,
        list_price=list_price,
        price=price,
        limits=plan.limits,
        discount_percent=discount_percent,
        promo_code_id=promo_code_id,
    )


@dataclass(frozen=True, slots=True)
class Order:
    """What was quoted, frozen at checkout: a later catalogue edit never changes it."""

    id: OrderId
    customer_id: CustomerId
    plan_id: PlanId
    plan_name: str
    days: int
    list_price: Money
    price: Money
    limits: AccessLimits
    created_at: datetime
    discount_percent: int = 0
    promo_code_id: PromoCodeId | None = None

    @classmethod
    def from_quote(
        cls, quote: Quote, *, order_id: OrderId, customer_id: CustomerId, now: datetime
    ) -> Order:
        return cls(
            id=order_id,
            customer_id=customer_id,
            plan_id=quote.plan_id,
            plan_name=quote.plan_name,
            days=quote.days,
            list_price=quote.list_price,
            price=quote.price,
            limits=quote.limits,
            created_at=now,
            discount_percent=quote.discount_percent,
            promo_code_id=quote.promo_code_id,
        )

    def matches(self, amount: Money) -> bool:
        """Amount and currency must match the order exactly."""
        return amount.currency == self.price.currency and amount.amount == self.price.amount
