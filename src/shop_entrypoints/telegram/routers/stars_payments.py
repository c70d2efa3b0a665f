"""Telegram Stars in the chat: answer `pre_checkout_query`, credit `successful_payment`, and
reverse on `refunded_payment`.

Telegram waits at most 10 seconds for the pre-checkout answer, so it is answered inline with
one read (ApprovePreCheckout) and always answered, "no" when anything fails. The payment and
refund service messages go through ConfirmBotPayment into the same ConfirmPayment pipeline as
the webhooks; the customer's success message and the admin log entry come from the notifier,
so nothing is sent from here. If crediting fails (the database is down), the reconciler finds
the charge later through getStarTransactions.
"""

from __future__ import annotations

import structlog
from aiogram import F, Router
from aiogram.types import Message, PreCheckoutQuery, RefundedPayment, SuccessfulPayment

from shop_domain.errors import InfrastructureError
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId
from shop_domain.services.billing.approve_pre_checkout import (
    ApprovePreCheckout,
    PreCheckoutDecision,
    PreCheckoutRequest,
    PreCheckoutVerdict,
)
from shop_domain.services.billing.confirm_bot_payment import (
    BotPaymentKind,
    BotPaymentRequest,
    ConfirmBotPayment,
)
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.texts import Texts

logger = structlog.get_logger(__name__)
router = Router(name=__name__)

_REFUSALS = {
    PreCheckoutVerdict.UNKNOWN_ORDER: "pre-checkout-unknown-order",
    PreCheckoutVerdict.NOT_PAYABLE: "pre-checkout-not-payable",
    PreCheckoutVerdict.EXPIRED: "pre-checkout-expired",
    PreCheckoutVerdict.AMOUNT_MISMATCH: "pre-checkout-amount-mismatch",
}
UNAVAILABLE = "pre-checkout-unavailable"


@router.pre_checkout_query()
async def on_pre_checkout(
    query: PreCheckoutQuery,
    *,
    approve_pre_checkout: ApprovePreCheckout,
    texts: Texts,
    bot_config: BotConfig,
    customer: Customer | None = None,
) -> None:
    request = PreCheckoutRequest(
        customer_id=CustomerId(query.from_user.id),
        invoice_payload=query.invoice_payload,
        currency=query.currency,
        total_amount=query.total_amount,
    )
    try:
        decision: PreCheckoutDecision | None = await approve_pre_checkout.execute(request)
    except InfrastructureError as error:
        logger.warning("pre_checkout_unavailable", error_code=error.code)
        decision = None
    if decision is not None and decision.ok:
        await query.answer(ok=True)
        return
    lang = (
        customer.language
        if customer is not None
        else Language.from_telegram(query.from_user.language_code, bot_config.default_language)
    )
    key = UNAVAILABLE if decision is None else _REFUSALS[decision.verdict]
    await query.answer(ok=False, error_message=texts.get(lang, key))


@router.message(F.successful_payment)
async def on_successful_payment(message: Message, confirm_bot_payment: ConfirmBotPayment) -> None:
    payment = message.successful_payment
    if payment is None or message.from_user is None:  # pragma: no cover - the filter says so
        return
    await confirm_bot_payment.execute(_request(message, payment, BotPaymentKind.PAID))


@router.message(F.refunded_payment)
async def on_refunded_payment(message: Message, confirm_bot_payment: ConfirmBotPayment) -> None:
    refund = message.refunded_payment
    if refund is None or message.from_user is None:  # pragma: no cover - the filter says so
        return
    await confirm_bot_payment.execute(_request(message, refund, BotPaymentKind.REFUNDED))


def _request(
    message: Message, payment: SuccessfulPayment | RefundedPayment, kind: BotPaymentKind
) -> BotPaymentRequest:
    user_id = message.from_user.id if message.from_user is not None else message.chat.id
    return BotPaymentRequest(
        customer_id=CustomerId(user_id),
        kind=kind,
        invoice_payload=payment.invoice_payload,
        currency=payment.currency,
        total_amount=payment.total_amount,
        charge_id=payment.telegram_payment_charge_id,
        body=payment.model_dump_json(exclude_none=True).encode(),
    )
