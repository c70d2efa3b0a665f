"""Every use case wired over the in-memory store and the port fakes, as the container does."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId, PlanId
from shop_domain.model.money import Money
from shop_domain.model.plans import GIB, AccessLimits, DurationOption, Plan, TrialOffer
from shop_domain.model.referrals import ReferralPolicy
from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.payment_gateway import CheckoutKind
from shop_domain.services.billing.apply_promo_code import ApplyPromoCode
from shop_domain.services.billing.confirm_payment import ConfirmPayment
from shop_domain.services.billing.create_checkout import CreateCheckout
from shop_domain.services.billing.credit_payment import PaymentCrediting
from shop_domain.services.billing.quote_order import QuoteOrder
from shop_domain.services.billing.refund_payment import RefundPayment
from shop_domain.services.core.get_subscription_overview import GetSubscriptionOverview
from shop_domain.services.core.handle_panel_event import HandlePanelEvent
from shop_domain.services.core.provision_subscription import ProvisionSubscription
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from shop_domain.services.core.register_customer import RegisterCustomer
from shop_domain.services.core.retry_provisioning import RetryProvisioning
from shop_domain.services.core.start_trial import StartTrial
from shop_domain.services.core.sync_panel_users import SyncPanelUsers
from shop_domain.services.notification.expiry_reminders import ExpiryReminders
from tests.fakes.memory_store import MemoryStore, MemoryUnitOfWork
from tests.unit.fakes import (
    T0,
    FakeJobQueue,
    FakeLocks,
    FakeNotifier,
    FakePaymentGateway,
    FakePaymentGateways,
    FakeVpnPanel,
    FixedClock,
)

BASIC = PlanId("basic")
BASIC_LIMITS = AccessLimits(traffic_limit_bytes=100 * GIB, device_limit=3, internal_squads=("sq",))


def basic_plan() -> Plan:
    return Plan(
        id=BASIC,
        name="Basic",
        durations=(
            DurationOption(30, {"RUB": Money.of("199", "RUB"), "XTR": Money.of(150, "XTR")}),
            DurationOption(90, {"RUB": Money.of("499", "RUB")}),
        ),
        limits=BASIC_LIMITS,
    )


def default_policy() -> ShopPolicy:
    return ShopPolicy(
        trial=TrialOffer(enabled=True, days=3, limits=AccessLimits(traffic_limit_bytes=10 * GIB)),
        referral=ReferralPolicy(inviter_bonus_days={30: 7}, invitee_bonus_days={30: 3}),
        currencies=("RUB", "XTR"),
    )


@dataclass
class Shop:
    policy: ShopPolicy = field(default_factory=default_policy)
    store: MemoryStore = field(default_factory=MemoryStore)
    clock: FixedClock = field(default_factory=FixedClock)
    panel: FakeVpnPanel = field(default_factory=FakeVpnPanel)
    notifier: FakeNotifier = field(default_factory=FakeNotifier)
    job_queue: FakeJobQueue = field(default_factory=FakeJobQueue)
    locks: FakeLocks = field(default_factory=FakeLocks)
    gateway: FakePaymentGateway = field(default_factory=FakePaymentGateway)
    stars: FakePaymentGateway = field(
        default_factory=lambda: FakePaymentGateway("stars", ("XTR",), CheckoutKind.TELEGRAM_INVOICE)
    )

    def __post_init__(self) -> None:
        uow = self.uow
        queue = ProvisioningQueue(self.job_queue)
        gateways = FakePaymentGateways(self.gateway, self.stars)
        self.provision = ProvisionSubscription(uow, self.panel, self.clock, self.notifier)
        self.retry_provisioning = RetryProvisioning(uow, self.clock, self.provision)
        self.apply_promo_code = ApplyPromoCode(uow, self.clock, self.policy, queue)
        self.register = RegisterCustomer(uow, self.clock, self.notifier, self.apply_promo_code)
        self.start_trial = StartTrial(uow, self.clock, self.policy, self.provision, self.notifier)
        self.overview = GetSubscriptionOverview(uow, self.panel, self.clock)
        self.quote = QuoteOrder(uow, self.clock)
        self.checkout = CreateCheckout(
            uow, self.clock, gateways, self.quote, self.policy, self.locks
        )
        self.confirm = ConfirmPayment(
            uow, self.clock, PaymentCrediting(self.policy), queue, self.notifier
        )
        self.refund = RefundPayment(uow, self.clock, gateways, queue, self.notifier)
        self.reminders = ExpiryReminders(uow, self.clock, self.notifier)
        self.handle_panel_event = HandlePanelEvent(
            uow, self.panel, self.clock, self.notifier, self.reminders, queue
        )
        self.sync_panel = SyncPanelUsers(uow, self.panel)

    def uow(self) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self.store)

    async def run_queued_jobs(self) -> None:
        """What the worker does with the jobs the use cases enqueued."""
        while self.job_queue.jobs:
            _, payload = self.job_queue.jobs.pop(0)
            await self.provision.execute(str(payload["job_id"]))

    async def add_customer(self, customer_id: int, **changes: Any) -> Customer:
        customer = Customer(
            id=CustomerId(customer_id),
            language=Language.EN,
            referral_code=f"CODE{customer_id}",
            created_at=T0,
        )
        customer = replace(customer, **changes)
        async with self.uow() as uow:
            await uow.customers.add(customer)
            await uow.commit()
        return customer

    async def add_plan(self, plan: Plan | None = None) -> Plan:
        plan = plan or basic_plan()
        async with self.uow() as uow:
            await uow.plans.save(plan)
            await uow.commit()
        return plan


RUB_199 = Money(Decimal("199.00"), "RUB")
