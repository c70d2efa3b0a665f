"""Domain objects the repository tests store and read back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId, OrderId, PaymentId, PlanId, SubscriptionId
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.plans import GIB, AccessLimits, DurationOption, Plan, TrafficResetStrategy
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.unit_of_work import UnitOfWork

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
LIMITS = AccessLimits(
    traffic_limit_bytes=50 * GIB,
    traffic_reset=TrafficResetStrategy.MONTH,
    device_limit=3,
    internal_squads=("5f0c4c1e-0000-4000-8000-000000000001",),
    external_squad=None,
)


def customer(customer_id: int, **changes: object) -> Customer:
    base = Customer(
        id=CustomerId(customer_id),
        language=Language.RU,
        referral_code=f"R{customer_id:07d}",
        created_at=T0,
        username=f"user{customer_id}",
    )
    fields = {**{f: getattr(base, f) for f in base.__dataclass_fields__}, **changes}
    return Customer(**fields)


def plan(plan_id: str = "basic") -> Plan:
    return Plan(
        id=PlanId(plan_id),
        name=plan_id.title(),
        durations=(
            DurationOption(30, {"RUB": Money.of("199.90", "RUB"), "XTR": Money.of(150, "XTR")}),
            DurationOption(90, {"RUB": Money.of("499", "RUB")}),
        ),
        limits=LIMITS,
    )


def subscription(customer_id: int, days: int = 30) -> Subscription:
    return Subscription(
        id=SubscriptionId(f"s{customer_id}"),
        customer_id=CustomerId(customer_id),
        expires_at=T0 + timedelta(days=days),
        limits=LIMITS,
        plan_id=PlanId("basic"),
        version=1,
    )


def order(order_id: str, customer_id: int, days: int = 30) -> Order:
    price = Money.of("199.90", "RUB")
    return Order(
        id=OrderId(order_id),
        customer_id=CustomerId(customer_id),
        plan_id=PlanId("basic"),
        plan_name="Basic",
        days=days,
        list_price=price,
        price=price,
        limits=LIMITS,
        created_at=T0,
    )


def payment(payment_id: str, order_id: str, customer_id: int, **changes: object) -> Payment:
    values: dict[str, object] = {
        "id": PaymentId(payment_id),
        "order_id": OrderId(order_id),
        "customer_id": CustomerId(customer_id),
        "provider": "fakepay",
        "amount": Money.of("199.90", "RUB"),
        "status": PaymentStatus.PENDING,
        "created_at": T0,
    }
    values.update(changes)
    return Payment(**values)  # type: ignore[arg-type]


async def seed_pending_payment(
    uow: UnitOfWork, customer_id: int, payment_id: str, *, with_customer: bool = True
) -> Payment:
    if with_customer:
        await uow.customers.add(customer(customer_id))
    await uow.orders.add(order(f"o-{payment_id}", customer_id))
    pending = payment(payment_id, f"o-{payment_id}", customer_id)
    await uow.payments.add(pending)
    return pending
