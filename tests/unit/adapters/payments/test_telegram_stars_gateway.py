"""TelegramStarsGateway against the fake Bot API session (Stars methods included)."""

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import GetStarTransactions, RefundStarPayment

from shop_adapters.payments.providers.telegram_stars import (
    TelegramStarsConfig,
    TelegramStarsGateway,
)
from shop_domain.errors import (
    NotificationUntrustedError,
    PaymentProviderError,
    PriceNotAvailableError,
    RefundNotSupportedError,
)
from shop_domain.model.ids import CustomerId, OrderId, PaymentId, PlanId
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.plans import AccessLimits
from shop_domain.ports.payment_gateway import (
    CheckoutKind,
    CheckoutRequest,
    ConfirmationKind,
    InboundRequest,
    NotificationKind,
)
from tests.fakes.telegram.stars import FakeStarsSession
from tests.unit.fakes import T0

STARS_150 = Money(Decimal(150), "XTR")


@pytest.fixture
def session() -> FakeStarsSession:
    return FakeStarsSession()


def gateway_for(session: FakeStarsSession, **config: Any) -> TelegramStarsGateway:
    return TelegramStarsGateway(Bot("42:TEST", session=session), TelegramStarsConfig(**config))


def payment(payment_id: str = "pay-1", **changes: Any) -> Payment:
    base = Payment(
        id=PaymentId(payment_id),
        order_id=OrderId("order-1"),
        customer_id=CustomerId(7),
        provider="telegram_stars",
        amount=STARS_150,
        status=PaymentStatus.PENDING,
        created_at=T0,
    )
    return replace(base, **changes)


def order(price: Money = STARS_150) -> Order:
    return Order(
        OrderId("order-1"),
        CustomerId(7),
        PlanId("basic"),
        "Basic",
        30,
        price,
        price,
        AccessLimits(),
        T0,
    )


async def test_capabilities_describe_an_in_chat_invoice(session: FakeStarsSession) -> None:
    capabilities = gateway_for(session).capabilities
    assert capabilities.checkout_kind is CheckoutKind.TELEGRAM_INVOICE
    assert capabilities.confirmation is ConfirmationKind.BOT_UPDATE
    assert capabilities.currencies == frozenset({"XTR"})
    assert capabilities.needs_pre_checkout_answer
    assert not capabilities.partial_refund


async def test_checkout_is_an_invoice_whose_payload_is_our_payment_id(
    session: FakeStarsSession,
) -> None:
    request = CheckoutRequest(order(), PaymentId("pay-1"), CustomerId(7), "Basic (30)")
    checkout = await gateway_for(session).create_checkout(request)
    assert checkout.invoice_payload == "pay-1"
    assert checkout.provider_payment_id is None
    assert session.requests == []  # the bot sends the invoice, the gateway calls nothing


async def test_checkout_refuses_a_non_stars_price(session: FakeStarsSession) -> None:
    request = CheckoutRequest(order(Money.of("199", "RUB")), PaymentId("p"), CustomerId(7), "d")
    with pytest.raises(PriceNotAvailableError):
        await gateway_for(session).create_checkout(request)


async def test_http_notifications_are_always_refused(session: FakeStarsSession) -> None:
    forged = InboundRequest("POST", "/payments/telegram_stars", {}, {}, b'{"ok": true}')
    with pytest.raises(NotificationUntrustedError):
        await gateway_for(session).parse_notification(forged)


async def test_fetch_status_finds_the_charge_among_many_pages(session: FakeStarsSession) -> None:
    for number in range(7):
        session.pay(8, f"other-{number}", 10, f"charge-other-{number}")
        session.withdraw(5)
    session.pay(7, "pay-1", 150, "charge-1")
    gateway = gateway_for(session, transactions_page_size=3)
    found = await gateway.fetch_status(payment())
    assert found is not None
    assert found.kind is NotificationKind.PAID
    assert found.event_id == found.provider_payment_id == "charge-1"
    assert found.payment_ref == "pay-1"
    assert found.amount == STARS_150
    # A second lookup reads only what is new.
    asked = len(session.of_type(GetStarTransactions))
    assert await gateway.fetch_status(payment("other-3")) is not None
    assert len(session.of_type(GetStarTransactions)) == asked


async def test_fetch_status_of_an_unpaid_invoice_is_none_and_resumes(
    session: FakeStarsSession,
) -> None:
    gateway = gateway_for(session, transactions_page_size=2, max_pages_per_lookup=2)
    for number in range(6):
        session.pay(8, f"other-{number}", 10, f"charge-{number}")
    assert await gateway.fetch_status(payment()) is None  # read 4 of 6, not paid
    session.pay(7, "pay-1", 150, "charge-1")
    found = await gateway.fetch_status(payment())
    assert found is not None
    assert found.event_id == "charge-1"
    offsets = [m.offset for m in session.of_type(GetStarTransactions)]
    assert offsets == [0, 2, 4, 6]


async def test_unpaid_lookups_in_one_run_cost_one_call(session: FakeStarsSession) -> None:
    session.pay(8, "other", 10, "charge-other")
    gateway = gateway_for(session)
    for number in range(20):  # the reconciler asking about 20 unpaid invoices
        assert await gateway.fetch_status(payment(f"unpaid-{number}")) is None
    assert len(session.of_type(GetStarTransactions)) == 1


async def test_after_the_rescan_interval_new_transactions_are_read(
    session: FakeStarsSession,
) -> None:
    gateway = gateway_for(session, rescan_after_seconds=0)
    assert await gateway.fetch_status(payment()) is None
    session.pay(7, "pay-1", 150, "charge-1")
    assert await gateway.fetch_status(payment()) is not None
    assert [m.offset for m in session.of_type(GetStarTransactions)] == [0, 0]


async def test_fetch_status_reports_what_was_paid_not_what_was_ordered(
    session: FakeStarsSession,
) -> None:
    session.pay(7, "pay-1", 1, "charge-1")
    found = await gateway_for(session).fetch_status(payment())
    assert found is not None
    assert found.amount == Money.of(1, "XTR")  # ConfirmPayment will hold it


async def test_fetch_status_failure_is_a_provider_error(session: FakeStarsSession) -> None:
    session.fail_next(GetStarTransactions, 500, "Internal Server Error")
    with pytest.raises(PaymentProviderError):
        await gateway_for(session).fetch_status(payment())


async def test_refund_returns_the_whole_charge_once(session: FakeStarsSession) -> None:
    session.pay(7, "pay-1", 150, "charge-1")
    gateway = gateway_for(session)
    paid = payment(status=PaymentStatus.PAID, provider_payment_id="charge-1")
    await gateway.refund(paid, None, "refund:pay-1")
    await gateway.refund(paid, None, "refund:pay-1")  # CHARGE_ALREADY_REFUNDED: still fine
    assert session.refunded == {"charge-1"}
    [first, _] = session.of_type(RefundStarPayment)
    assert (first.user_id, first.telegram_payment_charge_id) == (7, "charge-1")


async def test_refund_of_an_unknown_charge_is_a_provider_error(session: FakeStarsSession) -> None:
    paid = payment(status=PaymentStatus.PAID, provider_payment_id="charge-x")
    with pytest.raises(PaymentProviderError, match="CHARGE_NOT_FOUND"):
        await gateway_for(session).refund(paid, None, "refund:pay-1")


async def test_partial_or_charge_less_refunds_are_refused(session: FakeStarsSession) -> None:
    gateway = gateway_for(session)
    paid = payment(status=PaymentStatus.PAID, provider_payment_id="charge-1")
    with pytest.raises(RefundNotSupportedError):
        await gateway.refund(paid, Money.of(50, "XTR"), "refund:pay-1")
    with pytest.raises(PaymentProviderError):
        await gateway.refund(payment(status=PaymentStatus.PAID), None, "refund:pay-1")
    assert session.of_type(RefundStarPayment) == []


@pytest.mark.parametrize(
    "config",
    [
        {"transactions_page_size": 0},
        {"transactions_page_size": 101},
        {"max_pages_per_lookup": 0},
        {"rescan_after_seconds": -1},
    ],
)
def test_config_refuses_unusable_values(config: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"page|rescan"):
        TelegramStarsConfig(**config)
