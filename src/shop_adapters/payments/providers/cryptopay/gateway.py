"""CryptoPayGateway(PaymentGateway) on the Crypto Pay API, with a thin httpx client.

- Create: `createInvoice` with `payload` = our payment id. An order in a crypto asset is
  priced as `currency_type=crypto`, any other as `currency_type=fiat` (paid in crypto at
  CryptoPay's rate). There is no idempotency key, so a create is never retried.
- Webhook: `crypto-pay-api-signature` = hex HMAC-SHA256 of the raw body, keyed with
  SHA256(token). The dedupe key is `update_id`. The amount is the invoice's `amount` in its
  `fiat` or `asset`, which is what the order was priced in (not `paid_amount`).
- Status: `getInvoices?invoice_ids=`. Refund: none in the API (capabilities say MANUAL).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Final, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from shop_adapters.payments.gateway_identity import GatewayIdentity
from shop_adapters.payments.http import ProviderHttp, provider_error
from shop_adapters.payments.inbound import malformed_guard, require_header
from shop_adapters.payments.money_codecs import from_decimal_string, to_decimal_string
from shop_adapters.payments.providers.cryptopay.config import CRYPTO_ASSETS, CryptoPayConfig
from shop_adapters.payments.providers.cryptopay.payloads import (
    ErrorResponse,
    Invoice,
    InvoiceListResponse,
    InvoiceResponse,
    Update,
)
from shop_adapters.payments.signatures import hmac_sha256_hex, signatures_equal
from shop_domain.errors import NotificationUntrustedError, RefundNotSupportedError
from shop_domain.model.ids import PaymentId
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

SIGNATURE_HEADER: Final = "crypto-pay-api-signature"
_STATUS_KINDS: Final = {
    "active": NotificationKind.PENDING,
    "paid": NotificationKind.PAID,
    "expired": NotificationKind.EXPIRED,
}
_Response = TypeVar("_Response", bound=BaseModel)


class CryptoPayGateway(GatewayIdentity):
    def __init__(self, client: httpx.AsyncClient, config: CryptoPayConfig) -> None:
        self._config = config
        self._http = ProviderHttp(client, "cryptopay")
        self._auth = {"Crypto-Pay-API-Token": config.token}
        self._webhook_key = hashlib.sha256(config.token.encode()).digest()
        super().__init__(
            "cryptopay",
            GatewayCapabilities(
                checkout_kind=CheckoutKind.TELEGRAM_LINK,
                confirmation=ConfirmationKind.WEBHOOK_SIGNED,
                currencies=config.currencies,
                refund=RefundSupport.MANUAL,
            ),
        )

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        price = request.order.price
        body: dict[str, str | int] = {
            "amount": to_decimal_string(price),
            "description": request.description[:1024],
            "payload": request.payment_id,
            "expires_in": self._config.invoice_ttl_seconds,
        }
        if price.currency in CRYPTO_ASSETS:
            body |= {"currency_type": "crypto", "asset": price.currency}
        else:
            body |= {"currency_type": "fiat", "fiat": price.currency}
            if self._config.accepted_assets:
                body["accepted_assets"] = ",".join(self._config.accepted_assets)
        if request.return_url:
            body |= {"paid_btn_name": "callback", "paid_btn_url": request.return_url}
        response = await self._call("POST", "createInvoice", idempotent=False, json=body)
        invoice = self._read(response, InvoiceResponse).result
        expires_at = _expiry(invoice.expiration_date)
        return Checkout(str(invoice.invoice_id), url=invoice.bot_invoice_url, expires_at=expires_at)

    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        signature = require_header(request.headers, SIGNATURE_HEADER)
        if not signatures_equal(signature, hmac_sha256_hex(self._webhook_key, request.body)):
            raise NotificationUntrustedError("CryptoPay signature does not match")
        with malformed_guard("CryptoPay update"):
            update = Update.model_validate_json(request.body)
            if update.update_type != "invoice_paid" or update.payload.status != "paid":
                raise ValueError(f"unexpected update {update.update_type}")
            return self._notification(str(update.update_id), update.payload)

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        return Acknowledgement(status=200, body=b"ok")

    async def fetch_status(self, payment: Payment) -> PaymentNotification | None:
        if payment.provider_payment_id is None:
            return None  # the invoice was never created
        params = {"invoice_ids": payment.provider_payment_id}
        response = await self._call("GET", "getInvoices", idempotent=True, params=params)
        found = [
            invoice
            for invoice in self._read(response, InvoiceListResponse).result.items
            if str(invoice.invoice_id) == payment.provider_payment_id
        ]
        if not found:
            return None
        invoice = found[0]
        try:
            return self._notification(f"status:{invoice.invoice_id}:{invoice.status}", invoice)
        except ValueError as error:
            raise provider_error(self.name, response, "unreadable invoice") from error

    async def refund(self, payment: Payment, amount: Money | None, idempotency_key: str) -> None:
        raise RefundNotSupportedError("CryptoPay has no refund API: refund by hand")

    def _notification(self, event_id: str, invoice: Invoice) -> PaymentNotification:
        currency = invoice.asset if invoice.currency_type == "crypto" else invoice.fiat
        if currency is None:
            raise ValueError(f"{invoice.currency_type} invoice without its currency")
        return PaymentNotification(
            provider=self.name,
            event_id=event_id,
            kind=_STATUS_KINDS[invoice.status],
            payment_ref=PaymentId(invoice.payload) if invoice.payload else None,
            provider_payment_id=str(invoice.invoice_id),
            amount=from_decimal_string(invoice.amount, currency),
            is_test=self._config.testnet,
        )

    async def _call(
        self, verb: str, method: str, *, idempotent: bool, **options: object
    ) -> httpx.Response:
        url = f"{self._config.base_url}/api/{method}"
        return await self._http.send(
            verb, url, idempotent=idempotent, headers=self._auth, **options
        )

    def _read(self, response: httpx.Response, model: type[_Response]) -> _Response:
        try:
            if response.is_success:
                return model.model_validate_json(response.content)
            error = ErrorResponse.model_validate_json(response.content).error
        except ValidationError as invalid:
            raise provider_error(self.name, response, "unexpected body") from invalid
        raise provider_error(self.name, response, error.name)


def _expiry(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None  # informative only: the domain keeps its own checkout TTL
