"""TelegramStarsGateway(PaymentGateway): Stars in-chat invoices, over aiogram's `Bot`.

- Create: nothing to call. The checkout is an invoice the bot sends in the chat
  (`sendInvoice`, currency XTR, one price, empty provider token) with our payment id as its
  payload; Telegram gives no id until the customer pays.
- Confirm: by bot updates, not HTTP. `pre_checkout_query` is answered by the domain's
  ApprovePreCheckout and `successful_payment` credited by ConfirmBotPayment, deduplicated by
  `telegram_payment_charge_id`. A request to `/payments/telegram_stars` is always refused.
- Status: `getStarTransactions` (a list, no lookup), through StarTransactionIndex.
- Refund: `refundStarPayment`, whole charge only; `CHARGE_ALREADY_REFUNDED` counts as done.
"""

from __future__ import annotations

from typing import Final

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest

from shop_adapters.payments.gateway_identity import GatewayIdentity
from shop_adapters.payments.providers.telegram_stars.config import TelegramStarsConfig
from shop_adapters.payments.providers.telegram_stars.transactions import StarTransactionIndex
from shop_domain.errors import (
    NotificationUntrustedError,
    PaymentProviderError,
    PriceNotAvailableError,
    RefundNotSupportedError,
)
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment
from shop_domain.ports.payment_gateway import (
    Acknowledgement,
    Checkout,
    CheckoutKind,
    CheckoutRequest,
    ConfirmationKind,
    GatewayCapabilities,
    InboundRequest,
    NotificationKind,
    PaymentNotification,
    RefundSupport,
)

logger = structlog.get_logger(__name__)

STARS: Final = "XTR"
ALREADY_REFUNDED: Final = "CHARGE_ALREADY_REFUNDED"
MAX_PAYLOAD_BYTES: Final = 128


class TelegramStarsGateway(GatewayIdentity):
    def __init__(self, bot: Bot, config: TelegramStarsConfig | None = None) -> None:
        self._bot = bot
        self._index = StarTransactionIndex(bot, config or TelegramStarsConfig())
        super().__init__(
            "telegram_stars",
            GatewayCapabilities(
                checkout_kind=CheckoutKind.TELEGRAM_INVOICE,
                confirmation=ConfirmationKind.BOT_UPDATE,
                currencies=frozenset({STARS}),
                refund=RefundSupport.API,
                partial_refund=False,
                supports_status_query=True,
                needs_pre_checkout_answer=True,
            ),
        )

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        if request.order.price.currency != STARS:
            raise PriceNotAvailableError(f"Stars cannot charge {request.order.price.currency}")
        if len(request.payment_id.encode()) > MAX_PAYLOAD_BYTES:
            raise PaymentProviderError("the payment id does not fit an invoice payload")
        return Checkout(provider_payment_id=None, invoice_payload=request.payment_id)

    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        raise NotificationUntrustedError("Stars payments arrive as bot updates, never over HTTP")

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        return Acknowledgement(status=200, body=b"ok")

    async def fetch_status(self, payment: Payment) -> PaymentNotification | None:
        if payment.amount.currency != STARS:
            return None
        try:
            charge = await self._index.find(payment.id)
        except TelegramAPIError as error:
            raise PaymentProviderError(f"getStarTransactions failed: {error.message}") from error
        if charge is None:
            return None  # not paid (yet), or further back than this run could read
        return PaymentNotification(
            provider=self.name,
            event_id=charge.charge_id,  # the same key successful_payment is stored under
            kind=NotificationKind.PAID,
            payment_ref=payment.id,
            provider_payment_id=charge.charge_id,
            amount=Money.from_minor(charge.stars, STARS),
        )

    async def refund(self, payment: Payment, amount: Money | None, idempotency_key: str) -> None:
        if amount is not None and amount != payment.amount:
            raise RefundNotSupportedError("Telegram Stars refunds the whole charge only")
        if payment.provider_payment_id is None:
            raise PaymentProviderError("this Stars payment has no charge id to refund")
        try:
            await self._bot.refund_star_payment(
                user_id=payment.customer_id,
                telegram_payment_charge_id=payment.provider_payment_id,
            )
        except TelegramBadRequest as error:
            if ALREADY_REFUNDED not in error.message:
                raise PaymentProviderError(f"refundStarPayment: {error.message}") from error
            logger.info("stars_charge_already_refunded", payment_id=payment.id)
        except TelegramAPIError as error:
            raise PaymentProviderError(f"refundStarPayment: {error.message}") from error
