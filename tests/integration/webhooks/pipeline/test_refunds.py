"""Telegram Stars end to end on PostgreSQL: pay in the chat (delivered twice), refund through
refundStarPayment; access is shortened and the referral bonuses are taken back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aiogram.methods import RefundStarPayment

from shop_domain.errors import PaymentAlreadyProcessedError
from shop_domain.model.ids import CustomerId
from shop_domain.model.payments import PaymentStatus
from shop_domain.services.billing.confirm_bot_payment import BotPaymentKind, BotPaymentRequest
from shop_domain.services.billing.confirm_payment import ConfirmationOutcome
from shop_domain.services.billing.create_checkout import CheckoutResult
from shop_domain.services.billing.refund_payment import RefundPaymentRequest
from tests.integration.webhooks.pipeline.pg_shop import LOG_CHAT, PgShop
from tests.unit.fakes import T0

INVITER, INVITEE = 20, 21
INVITER_BONUS, INVITEE_BONUS = 7, 3  # default_policy(): 30 days bought -> 7 and 3


def successful_payment(
    checkout: CheckoutResult, customer: int = INVITEE, charge: str = "stars-charge-1"
) -> BotPaymentRequest:
    return BotPaymentRequest(
        CustomerId(customer), BotPaymentKind.PAID, checkout.payment_id, "XTR", 150, charge, b"{}"
    )


async def paid_with_stars(shop: PgShop) -> CheckoutResult:
    """The inviter bought 30 days earlier; now the invitee buys 30 days."""
    await shop.setup(INVITER, INVITEE, referred={INVITEE: INVITER})
    own = await shop.buy(INVITER, "telegram_stars")
    await shop.confirm_bot_payment.execute(successful_payment(own, INVITER, "stars-charge-0"))
    checkout = await shop.buy(INVITEE, "telegram_stars")
    assert checkout.invoice_payload == checkout.payment_id
    shop.session.pay(INVITEE, checkout.payment_id, 150, "stars-charge-1")
    first = await shop.confirm_bot_payment.execute(successful_payment(checkout))
    again = await shop.confirm_bot_payment.execute(successful_payment(checkout))
    assert (first.outcome, again.outcome) == (
        ConfirmationOutcome.CREDITED,
        ConfirmationOutcome.DUPLICATE,
    )
    await shop.run_queued_jobs()
    return checkout


async def test_stars_payment_credits_the_buyer_and_the_inviter_once(shop: PgShop) -> None:
    checkout = await paid_with_stars(shop)
    payment = await shop.payment(checkout.payment_id)
    assert payment.status is PaymentStatus.PROVISIONED
    assert payment.provider_payment_id == "stars-charge-1"
    bought = T0 + timedelta(days=30 + INVITEE_BONUS)
    assert (await shop.subscription(INVITEE)).expires_at == bought
    inviter = T0 + timedelta(days=30 + INVITER_BONUS)
    assert (await shop.subscription(INVITER)).expires_at == inviter
    assert len(shop.messages_to(LOG_CHAT)) == 2  # two payments


async def test_a_refund_shortens_access_and_takes_back_the_bonuses(shop: PgShop) -> None:
    checkout = await paid_with_stars(shop)
    shop.later(days=1)

    await shop.refund.execute(RefundPaymentRequest(checkout.payment_id))
    await shop.run_queued_jobs()

    (refund,) = shop.session.of_type(RefundStarPayment)
    assert (refund.user_id, refund.telegram_payment_charge_id) == (INVITEE, "stars-charge-1")
    assert (await shop.payment(checkout.payment_id)).status is PaymentStatus.REFUNDED
    assert (await shop.subscription(INVITEE)).expires_at <= shop.clock.now()
    # The inviter keeps their own 30 days and loses the 7 bonus days, on the panel too.
    assert (await shop.subscription(INVITER)).expires_at == T0 + timedelta(days=30)
    panel_expiry = {user.telegram_id: user.expires_at for user in shop.panel.users.values()}
    assert panel_expiry[INVITER] == T0 + timedelta(days=30)
    assert panel_expiry[INVITEE] <= shop.clock.now()
    # Telegram's refunded_payment message for it and a second refund change nothing more.
    notice = BotPaymentRequest(
        CustomerId(INVITEE),
        BotPaymentKind.REFUNDED,
        checkout.payment_id,
        "XTR",
        150,
        "stars-charge-1",
        b"{}",
    )
    assert (await shop.confirm_bot_payment.execute(notice)).outcome is ConfirmationOutcome.IGNORED
    with pytest.raises(PaymentAlreadyProcessedError):
        await shop.refund.execute(RefundPaymentRequest(checkout.payment_id))
    assert len(shop.session.of_type(RefundStarPayment)) == 1
    assert len(shop.messages_to(LOG_CHAT)) == 3  # two payments, then the refund
