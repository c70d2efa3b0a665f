"""An in-chat invoice provider (like Telegram Stars): no provider id until the payment."""

from __future__ import annotations

from shop_domain.ports.payment_gateway import (
    Checkout,
    CheckoutKind,
    CheckoutRequest,
    ConfirmationKind,
    GatewayCapabilities,
    RefundSupport,
)
from tests.unit.fakes import FakePaymentGateway


class FakeInvoiceGateway(FakePaymentGateway):
    def __init__(self) -> None:
        super().__init__("stars", ("XTR",), CheckoutKind.TELEGRAM_INVOICE)
        self._capabilities = GatewayCapabilities(
            checkout_kind=CheckoutKind.TELEGRAM_INVOICE,
            confirmation=ConfirmationKind.BOT_UPDATE,
            currencies=frozenset({"XTR"}),
            refund=RefundSupport.API,
            needs_pre_checkout_answer=True,
        )

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        self.created.append(request)
        return Checkout(None, invoice_payload=request.payment_id)
