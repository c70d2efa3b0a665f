"""YooKassaGateway(PaymentGateway): a redirect checkout over a thin httpx client (§2, §11).

- Create: `POST /v3/payments` with `capture: true`, a `redirect` confirmation,
  `metadata.payment_id` = our payment id and `Idempotence-Key: checkout:<payment id>`, so a
  retried create returns the same payment.
- Webhook: unsigned; see notification.py (sender IP, then the API's own object).
- Status: `GET /v3/payments/{id}`. Refund: `POST /v3/refunds` with the caller's key, for the
  whole payment or part of it.
"""

from __future__ import annotations

from typing import Any, Final

import httpx

from shop_adapters.payments.gateway_identity import GatewayIdentity
from shop_adapters.payments.ip_allowlist import IpAllowList
from shop_adapters.payments.money_codecs import to_decimal_string
from shop_adapters.payments.providers.yookassa.api import PROVIDER, YooKassaApi
from shop_adapters.payments.providers.yookassa.config import YooKassaConfig
from shop_adapters.payments.providers.yookassa.notification import (
    YooKassaNotifications,
    payment_notification,
)
from shop_adapters.payments.providers.yookassa.payloads import (
    METADATA_KEY,
    Payment,
    is_object_id,
)
from shop_domain.errors import PaymentProviderError
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment as ShopPayment
from shop_domain.ports.payment_gateway import (
    Acknowledgement,
    Checkout,
    CheckoutKind,
    CheckoutRequest,
    ConfirmationKind,
    GatewayCapabilities,
    InboundRequest,
    PaymentNotification,
    RefundSupport,
)

_DESCRIPTION_MAX: Final = 128


class YooKassaGateway(GatewayIdentity):
    def __init__(self, client: httpx.AsyncClient, config: YooKassaConfig) -> None:
        self._config = config
        self._api = YooKassaApi(client, config)
        self._notifications = YooKassaNotifications(
            self._api, IpAllowList(config.allowed_ips), test_mode=config.test_mode
        )
        super().__init__(
            PROVIDER,
            GatewayCapabilities(
                checkout_kind=CheckoutKind.REDIRECT_URL,
                confirmation=ConfirmationKind.WEBHOOK_UNSIGNED_NEEDS_REFETCH,
                currencies=config.currencies,
                refund=RefundSupport.API,
                partial_refund=True,
            ),
        )

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        body: dict[str, Any] = {
            "amount": _amount(request.order.price),
            "capture": True,
            "confirmation": {
                "type": "redirect",
                "return_url": request.return_url or self._config.return_url,
                "locale": "ru_RU" if request.language == "ru" else "en_US",
            },
            "description": request.description[:_DESCRIPTION_MAX],
            "metadata": {METADATA_KEY: request.payment_id, "order_id": request.order.id},
        }
        payment = await self._api.create_payment(body, f"checkout:{request.payment_id}")
        url = payment.confirmation.confirmation_url if payment.confirmation else None
        if url is None:
            raise PaymentProviderError(f"yookassa: payment {payment.id} has no confirmation URL")
        return Checkout(payment.id, url=url)

    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        return await self._notifications.parse(request)

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        return Acknowledgement(200, b"")

    async def fetch_status(self, payment: ShopPayment) -> PaymentNotification | None:
        found = await self._payment(payment)
        if found is None:
            return None
        return payment_notification(found, f"status:{found.id}:{found.status}")

    async def refund(
        self, payment: ShopPayment, amount: Money | None, idempotency_key: str
    ) -> None:
        found = await self._payment(payment)
        if found is None or found.status != "succeeded":
            raise PaymentProviderError(f"yookassa: nothing was charged for {payment.id}")
        body = {"payment_id": found.id, "amount": _amount(amount or payment.amount)}
        refund = await self._api.create_refund(body, idempotency_key)
        if refund.status == "canceled":
            raise PaymentProviderError(f"yookassa: refund {refund.id} was canceled")

    async def _payment(self, payment: ShopPayment) -> Payment | None:
        provider_id = payment.provider_payment_id
        if provider_id is None:
            return None
        if not is_object_id(provider_id):  # never let a stored value shape the URL path
            raise PaymentProviderError(f"yookassa: {provider_id!r} is not a payment id")
        return await self._api.payment(provider_id)


def _amount(money: Money) -> dict[str, str]:
    return {"value": to_decimal_string(money), "currency": money.currency}
