"""Pay button -> CreateCheckout. Redirect and t.me-link providers get a URL button; Telegram
Stars gets an invoice in the chat with our payment id as its payload.

Payment-side hook: answering `pre_checkout_query` and crediting `successful_payment` belong
to the payments router, passed to `build_dispatcher(payment_routers=...)`. A double tap never
creates a second order: CreateCheckout reuses the open checkout or raises
CheckoutInProgressError, which the error router answers with a short notice.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, LabeledPrice

from shop_domain.errors import PaymentProviderError, PriceNotAvailableError
from shop_domain.model.customers import Customer
from shop_domain.model.ids import PlanId
from shop_domain.ports.payment_gateway import CheckoutKind
from shop_domain.services.billing.create_checkout import (
    CheckoutResult,
    CreateCheckout,
    CreateCheckoutRequest,
)
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.callbacks import PayCallback
from shop_entrypoints.telegram.formatting import format_money
from shop_entrypoints.telegram.keyboards.catalog import pay_keyboard
from shop_entrypoints.telegram.screens import acknowledge, show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)

STARS = "XTR"
TITLE_LIMIT, DESCRIPTION_LIMIT = 32, 255


async def send_stars_invoice(
    bot: Bot, customer: Customer, result: CheckoutResult, texts: Texts
) -> None:
    if result.amount.currency != STARS:
        raise PriceNotAvailableError(f"a Stars invoice cannot charge {result.amount.currency}")
    lang, order = customer.language, result.order
    await bot.send_invoice(
        chat_id=customer.id,
        title=texts.get(lang, "invoice-title", plan=order.plan_name, days=order.days)[:TITLE_LIMIT],
        description=texts.get(lang, "invoice-description", plan=order.plan_name, days=order.days)[
            :DESCRIPTION_LIMIT
        ],
        payload=str(result.payment_id),
        currency=STARS,
        prices=[LabeledPrice(label=order.plan_name[:TITLE_LIMIT], amount=result.amount.to_minor())],
    )


@router.callback_query(PayCallback.filter())
async def on_pay(
    callback: CallbackQuery,
    *,
    callback_data: PayCallback,
    customer: Customer,
    create_checkout: CreateCheckout,
    texts: Texts,
    bot_config: BotConfig,
    bot: Bot,
) -> None:
    lang = customer.language
    result = await create_checkout.execute(
        CreateCheckoutRequest(
            customer_id=customer.id,
            plan_id=PlanId(callback_data.plan_id),
            days=callback_data.days,
            provider=callback_data.provider,
            language=lang.value,
            return_url=bot_config.checkout_return_url,
        )
    )
    if result.kind is CheckoutKind.TELEGRAM_INVOICE:
        await send_stars_invoice(bot, customer, result, texts)
        await acknowledge(callback, texts.get(lang, "invoice-sent"))
        return
    if result.url is None:
        raise PaymentProviderError(f"{callback_data.provider} returned no payment link")
    order, price = result.order, format_money(result.amount)
    text = texts.get(lang, "checkout-ready", plan=order.plan_name, days=order.days, price=price)
    await show(callback, text, pay_keyboard(texts, lang, result.url, price, order.plan_id))
