"""Telegram Stars through the real dispatcher: pre-checkout answers and crediting."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from aiogram.methods import AnswerPreCheckoutQuery
from aiogram.types import Chat, Message, PreCheckoutQuery, RefundedPayment, SuccessfulPayment

from shop_domain.errors import StorageError
from shop_domain.events import PaymentRefunded, PaymentSucceeded
from shop_domain.model.ids import CustomerId, PaymentId
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.provider_events import EventOutcome
from shop_domain.services.billing.approve_pre_checkout import (
    ApprovePreCheckout,
    PreCheckoutDecision,
    PreCheckoutRequest,
)
from shop_entrypoints.telegram.callbacks import PayCallback
from tests.fakes.telegram.stars import FakeStarsSession
from tests.unit.fakes import T0, FakePaymentGateways
from tests.unit.services.shop_harness import BASIC
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.port_fakes import FakeRateLimiter
from tests.unit.telegram.wiring import default_config

USER, OTHER = 100, 200
CHANNEL = -100123


@pytest.fixture
def bot() -> BotHarness:
    return BotHarness(session=FakeStarsSession())


async def invoice(bot: BotHarness, lang: str = "en") -> Payment:
    await bot.shop.add_plan()
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, PayCallback(plan_id=BASIC, days=30, provider="stars"), lang=lang)
    (payment,) = bot.shop.store.state.payments.values()
    return payment


async def pre_checkout(bot: BotHarness, user: int = USER, lang: str = "en", **fields: Any) -> Any:
    query = {"currency": "XTR", "total_amount": 150, "invoice_payload": "", **fields}
    await bot.feed(
        pre_checkout_query=PreCheckoutQuery(
            id=f"pcq{len(bot.session.requests)}", from_user=bot.user(user, lang), **query
        )
    )
    return bot.session.of_type(AnswerPreCheckoutQuery)[-1]


async def pay(
    bot: BotHarness, payment: Payment, charge: str = "charge-1", stars: int = 150
) -> None:
    paid = SuccessfulPayment(
        currency="XTR",
        total_amount=stars,
        invoice_payload=payment.id,
        telegram_payment_charge_id=charge,
        provider_payment_charge_id="",
    )
    await bot.feed(message=service_message(bot, successful_payment=paid))


def service_message(bot: BotHarness, **content: Any) -> Message:
    return Message(
        message_id=len(bot.session.requests) + 1,
        date=T0,
        chat=Chat(id=USER, type="private"),
        from_user=bot.user(USER, "en"),
        **content,
    )


async def test_a_pending_invoice_is_approved(bot: BotHarness) -> None:
    payment = await invoice(bot)
    answer = await pre_checkout(bot, invoice_payload=payment.id)
    assert answer.ok is True
    assert answer.error_message is None


@pytest.mark.parametrize(
    ("fields", "text_id"),
    [
        ({"total_amount": 1}, "pre-checkout-amount-mismatch"),
        ({"invoice_payload": "someone-elses-order"}, "pre-checkout-unknown-order"),
    ],
)
async def test_a_wrong_query_is_refused_in_the_users_language(
    bot: BotHarness, lang: str, fields: dict[str, Any], text_id: str
) -> None:
    payment = await invoice(bot, lang)
    answer = await pre_checkout(bot, lang=lang, **{"invoice_payload": payment.id, **fields})
    assert answer.ok is False
    assert answer.error_message == bot.text(lang, text_id)


async def test_a_forwarded_invoice_cannot_be_paid_by_someone_else(bot: BotHarness) -> None:
    payment = await invoice(bot)
    await bot.send(OTHER, "/start")
    answer = await pre_checkout(bot, user=OTHER, invoice_payload=payment.id)
    assert answer.ok is False


async def test_an_expired_invoice_is_refused(bot: BotHarness) -> None:
    payment = await invoice(bot)
    bot.shop.clock.advance(minutes=bot.shop.policy.checkout_ttl_minutes + 1)
    answer = await pre_checkout(bot, invoice_payload=payment.id)
    assert (answer.ok, answer.error_message) == (False, bot.text("en", "pre-checkout-expired"))


async def test_successful_payment_delivered_twice_is_credited_once(bot: BotHarness) -> None:
    payment = await invoice(bot)
    await pay(bot, payment)
    await pay(bot, payment)
    stored = bot.shop.store.state.payments[payment.id]
    assert stored.status is PaymentStatus.PAID
    assert len(bot.shop.notifier.of_type(PaymentSucceeded)) == 1
    assert len(bot.shop.job_queue.jobs) == 1
    # After the first payment the same invoice is no longer payable.
    answer = await pre_checkout(bot, invoice_payload=payment.id)
    assert (answer.ok, answer.error_message) == (False, bot.text("en", "pre-checkout-not-payable"))


async def test_a_tampered_amount_is_held_not_credited(bot: BotHarness) -> None:
    payment = await invoice(bot)
    await pay(bot, payment, stars=1)
    assert bot.shop.store.state.payments[payment.id].status is PaymentStatus.HELD
    assert not bot.shop.notifier.of_type(PaymentSucceeded)


async def test_a_refund_message_reverses_access(bot: BotHarness) -> None:
    payment = await invoice(bot)
    await pay(bot, payment)
    refund = RefundedPayment(
        total_amount=150, invoice_payload=payment.id, telegram_payment_charge_id="charge-1"
    )
    await bot.feed(message=service_message(bot, refunded_payment=refund))
    assert bot.shop.store.state.payments[payment.id].status is PaymentStatus.REFUNDED
    assert len(bot.shop.notifier.of_type(PaymentRefunded)) == 1


async def test_a_payment_for_no_order_is_kept_for_an_operator(bot: BotHarness) -> None:
    real = await invoice(bot)
    await pay(bot, replace(real, id=PaymentId("ghost")), charge="charge-ghost")
    orphans = [
        e for e in bot.shop.store.state.events.values() if e.outcome is EventOutcome.ORPHANED
    ]
    assert [e.event_id for e in orphans] == ["paid:charge-ghost"]
    assert bot.screens()[-1] == bot.text("en", "error-payment_not_found")


async def test_a_throttled_customer_is_still_answered_and_credited() -> None:
    bot = BotHarness(session=FakeStarsSession(), rate_limiter=FakeRateLimiter(limit=3))
    payment = await invoice(bot)  # /start and the pay tap use up most of the limit
    for _ in range(3):
        await bot.send(USER, "spam")
    answer = await pre_checkout(bot, invoice_payload=payment.id)
    assert answer.ok is True
    await pay(bot, payment)
    assert bot.shop.store.state.payments[payment.id].status is PaymentStatus.PAID


async def test_a_customer_outside_the_required_channel_is_credited() -> None:
    config = default_config(required_channel_id=CHANNEL, required_channel_url="https://t.me/c")
    bot = BotHarness(config=config, session=FakeStarsSession())
    payment = await invoice(bot)
    bot.session.chat_member_status[CHANNEL, USER] = "left"
    await pay(bot, payment)
    assert bot.shop.store.state.payments[payment.id].status is PaymentStatus.PAID


async def test_a_banned_customer_is_told_no_instead_of_timing_out(bot: BotHarness) -> None:
    payment = await invoice(bot)
    customer = bot.shop.store.state.customers[CustomerId(USER)]
    bot.shop.store.state.customers[CustomerId(USER)] = customer.ban()
    answer = await pre_checkout(bot, invoice_payload=payment.id)
    assert (answer.ok, answer.error_message) == (False, bot.text("en", "pre-checkout-not-payable"))


class StoreDownApproval(ApprovePreCheckout):
    async def execute(self, request: PreCheckoutRequest) -> PreCheckoutDecision:
        raise StorageError("database unreachable")


async def test_the_query_is_answered_no_even_when_the_store_is_down(bot: BotHarness) -> None:
    payment = await invoice(bot)
    shop = bot.shop
    bot.dispatcher.workflow_data["approve_pre_checkout"] = StoreDownApproval(
        shop.uow, shop.clock, FakePaymentGateways(shop.stars), shop.policy
    )
    answer = await pre_checkout(bot, invoice_payload=payment.id)
    assert (answer.ok, answer.error_message) == (False, bot.text("en", "pre-checkout-unavailable"))
