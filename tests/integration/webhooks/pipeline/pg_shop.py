"""The payment pipeline on real PostgreSQL, as the container wires it: real repositories, the
real CryptoPay and Telegram Stars adapters against their fakes, the real notifier and its
renderers over a fake Bot API session, the panel fake, and the job queue recorded."""

from __future__ import annotations

from typing import Any

import httpx
from aiogram import Bot
from aiogram.methods import SendMessage
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.payments.providers.cryptopay import CryptoPayConfig, CryptoPayGateway
from shop_adapters.payments.providers.telegram_stars import TelegramStarsGateway
from shop_adapters.payments.registry import PaymentGatewayRegistry
from shop_adapters.persistence.engine import session_factory
from shop_adapters.persistence.tables import ProviderEventRow, ProvisioningJobRow
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_adapters.telegram.notifier import TelegramNotifier
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.payments import Payment
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.payment_gateway import InboundRequest
from shop_domain.services.billing.confirm_bot_payment import ConfirmBotPayment
from shop_domain.services.billing.confirm_payment import ConfirmPayment
from shop_domain.services.billing.create_checkout import (
    CheckoutResult,
    CreateCheckout,
    CreateCheckoutRequest,
)
from shop_domain.services.billing.credit_payment import PaymentCrediting
from shop_domain.services.billing.quote_order import QuoteOrder
from shop_domain.services.billing.reconcile_pending_payments import ReconcilePendingPayments
from shop_domain.services.billing.refund_payment import RefundPayment
from shop_domain.services.core.provision_subscription import ProvisionSubscription
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from shop_domain.services.core.retry_provisioning import RetryProvisioning
from shop_entrypoints.notifications.admin_log import AdminLogMessages
from shop_entrypoints.notifications.combined import CombinedEventMessages
from shop_entrypoints.notifications.event_texts import EventTexts
from shop_entrypoints.telegram.texts import Texts
from tests.fakes.payments.cryptopay import HOST, FakeCryptoPay
from tests.fakes.telegram.stars import FakeStarsSession
from tests.unit.fakes import T0, FakeJobQueue, FakeLocks, FakeVpnPanel, FixedClock
from tests.unit.services.shop_harness import BASIC, basic_plan, default_policy

LOG_CHAT = -100_500  # the admins' log chat


class PgShop:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.uow = SqlAlchemyUnitOfWorkFactory(session_factory(engine))
        self.clock = FixedClock()
        self.policy = default_policy()
        self.panel = FakeVpnPanel()
        self.job_queue = FakeJobQueue()
        self.session = FakeStarsSession()
        self.bot = Bot("42:TEST", session=self.session)
        self.cryptopay_api = FakeCryptoPay()
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.cryptopay_api.app))
        cryptopay_config = CryptoPayConfig(token=self.cryptopay_api.token, api_base=HOST)
        self.gateways = PaymentGatewayRegistry(
            {
                "cryptopay": CryptoPayGateway(self.http, cryptopay_config),
                "telegram_stars": TelegramStarsGateway(self.bot),
            }
        )
        texts = Texts()
        messages = CombinedEventMessages(
            EventTexts(texts, self.uow, Language.RU),
            AdminLogMessages(texts, LOG_CHAT),
        )
        self.notifier = TelegramNotifier(self.bot, messages)
        self._wire()

    def _wire(self) -> None:
        queue = self.provisioning_queue = ProvisioningQueue(self.job_queue)
        uow, clock, notifier = self.uow, self.clock, self.notifier
        self.provision = ProvisionSubscription(uow, self.panel, clock, notifier)
        self.retry_provisioning = RetryProvisioning(uow, clock, self.provision)
        self.checkout = CreateCheckout(
            uow, clock, self.gateways, QuoteOrder(uow, clock), self.policy, FakeLocks()
        )
        self.confirm = ConfirmPayment(uow, clock, PaymentCrediting(self.policy), queue, notifier)
        self.confirm_bot_payment = ConfirmBotPayment(uow, clock, self.gateways, self.confirm)
        self.refund = RefundPayment(uow, clock, self.gateways, queue, notifier)
        self.reconcile = ReconcilePendingPayments(uow, clock, self.gateways, self.confirm)

    async def close(self) -> None:
        await self.http.aclose()

    async def setup(self, *customers: int, referred: dict[int, int] | None = None) -> None:
        async with self.uow() as uow:
            await uow.plans.save(basic_plan())
            for customer_id in customers:
                inviter = (referred or {}).get(customer_id)
                await uow.customers.add(
                    Customer(
                        id=CustomerId(customer_id),
                        language=Language.EN,
                        referral_code=f"CODE{customer_id}",
                        created_at=T0,
                        referred_by=None if inviter is None else CustomerId(inviter),
                    )
                )
            await uow.commit()

    async def buy(self, customer: int, provider: str = "cryptopay") -> CheckoutResult:
        return await self.checkout.execute(
            CreateCheckoutRequest(CustomerId(customer), BASIC, 30, provider)
        )

    async def run_queued_jobs(self) -> None:
        """What the worker does with the jobs the use cases handed it."""
        while self.job_queue.jobs:
            _, payload = self.job_queue.jobs.pop(0)
            await self.provision.execute(str(payload["job_id"]))

    async def payment(self, payment_id: PaymentId) -> Payment:
        async with self.uow() as uow:
            payment = await uow.payments.get(payment_id)
        assert payment is not None
        return payment

    async def subscription(self, customer: int) -> Subscription:
        async with self.uow() as uow:
            subscription = await uow.subscriptions.get_by_customer(CustomerId(customer))
        assert subscription is not None
        return subscription

    async def outbox_size(self) -> int:
        return await self._count(ProvisioningJobRow)

    async def inbox_size(self) -> int:
        return await self._count(ProviderEventRow)

    async def _count(self, row: type[ProviderEventRow | ProvisioningJobRow]) -> int:
        async with self.engine.connect() as connection:
            count = await connection.scalar(select(func.count()).select_from(row))
        return int(count or 0)

    def messages_to(self, chat_id: int) -> list[str]:
        return [
            str(request.text)
            for request in self.session.of_type(SendMessage)
            if int(request.chat_id) == chat_id
        ]

    def later(self, **delta: Any) -> None:
        self.clock.advance(**delta)

    def invoice_id(self) -> int:
        """The one CryptoPay invoice the test's purchase created."""
        (invoice,) = self.cryptopay_api.invoices
        return invoice

    def paid_delivery(self) -> InboundRequest:
        """CryptoPay's signed `invoice_paid` webhook for that invoice (paid first)."""
        return self.cryptopay_api.deliver(self.cryptopay_api.paid_update_body(self.invoice_id()))
