"""A fake Crypto Pay API (`https://pay.crypt.bot/api/<method>`) and its webhook sender.

Methods take parameters as query string, JSON or form, with GET or POST, like the real API.
Errors are `{"ok": false, "error": {"code": ..., "name": ...}}` with that HTTP status.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from shop_domain.ports.payment_gateway import InboundRequest
from tests.fakes.payments.asgi import FakeProviderApp, FakeRequest, FakeResponse

HOST = "https://pay.crypt.bot"
CREATED_AT = "2026-11-20T10:00:00.000Z"
TOKEN = "1234:AAtestTOKEN"  # noqa: S105 - a test credential


def sign(body: bytes, token: str) -> str:
    """The `crypto-pay-api-signature` value: HMAC-SHA256(key=SHA256(token), raw body)."""
    return hmac.new(hashlib.sha256(token.encode()).digest(), body, hashlib.sha256).hexdigest()


def _error(status: int, name: str) -> FakeResponse:
    return FakeResponse.json(status, {"ok": False, "error": {"code": status, "name": name}})


@dataclass
class FakeCryptoPay:
    token: str = TOKEN

    def __post_init__(self) -> None:
        self.invoices: dict[int, dict[str, Any]] = {}
        self._ids = itertools.count(1001)
        self._updates = itertools.count(1)
        self.app = FakeProviderApp()
        for method in ("GET", "POST"):
            self.app.route(method, r"/api/createInvoice", self._create_invoice)
            self.app.route(method, r"/api/getInvoices", self._get_invoices)

    # --- the API ----------------------------------------------------------------------------
    def _params(self, request: FakeRequest) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.headers.get("content-type", "").startswith("application/json"):
            params |= request.json()
        elif request.body:
            params |= request.form()
        return params

    def _create_invoice(self, request: FakeRequest) -> FakeResponse:
        if request.headers.get("crypto-pay-api-token") != self.token:
            return _error(401, "UNAUTHORIZED")
        params = self._params(request)
        currency_type = params.get("currency_type", "crypto")
        currency_field = "asset" if currency_type == "crypto" else "fiat"
        if currency_type not in {"crypto", "fiat"} or not params.get(currency_field):
            return _error(400, "CURRENCY_TYPE_INVALID")
        try:
            amount = Decimal(str(params["amount"]))
        except (KeyError, InvalidOperation):
            return _error(400, "AMOUNT_INVALID")
        if amount <= 0:
            return _error(400, "AMOUNT_TOO_SMALL")
        if len(str(params.get("payload", ""))) > 4096:
            return _error(400, "PAYLOAD_TOO_LONG")
        invoice_id = next(self._ids)
        invoice = {
            "invoice_id": invoice_id,
            "hash": f"IV{invoice_id}",
            "currency_type": currency_type,
            currency_field: params[currency_field],
            "amount": str(params["amount"]),
            "status": "active",
            "description": params.get("description"),
            "payload": params.get("payload"),
            "bot_invoice_url": f"https://t.me/CryptoBot?start=IV{invoice_id}",
            "mini_app_invoice_url": f"https://t.me/CryptoBot/app?startapp=invoice-IV{invoice_id}",
            "web_app_invoice_url": f"https://app.send.tg/invoices/IV{invoice_id}",
            "created_at": CREATED_AT,
            "expiration_date": "2026-11-20T11:00:00.000Z",
            "allow_comments": True,
            "allow_anonymous": True,
        }
        if currency_type == "fiat":
            invoice["accepted_assets"] = str(params.get("accepted_assets", "USDT,TON")).split(",")
        self.invoices[invoice_id] = invoice
        return FakeResponse.json(200, {"ok": True, "result": invoice})

    def _get_invoices(self, request: FakeRequest) -> FakeResponse:
        if request.headers.get("crypto-pay-api-token") != self.token:
            return _error(401, "UNAUTHORIZED")
        wanted = str(self._params(request).get("invoice_ids", ""))
        try:
            ids = [int(part) for part in wanted.split(",") if part]
        except ValueError:
            return _error(400, "INVOICE_IDS_INVALID")
        items = [self.invoices[i] for i in ids if i in self.invoices]
        return FakeResponse.json(200, {"ok": True, "result": {"items": items}})

    # --- what the customer and CryptoPay do -------------------------------------------------
    def pay(self, invoice_id: int, paid_asset: str = "USDT", paid_amount: str = "2.15") -> None:
        self.invoices[invoice_id] |= {
            "status": "paid",
            "paid_asset": paid_asset,
            "paid_amount": paid_amount,
            "paid_fiat_rate": "92.56",
            "fee_amount": "0.02",
            "paid_at": "2026-11-20T10:05:00.000Z",
            "paid_anonymously": False,
        }

    def expire(self, invoice_id: int) -> None:
        self.invoices[invoice_id]["status"] = "expired"

    def paid_update_body(self, invoice_id: int, **overrides: Any) -> bytes:
        """The exact JSON CryptoPay posts for `invoice_paid` (pays the invoice first)."""
        if self.invoices[invoice_id]["status"] != "paid":
            self.pay(invoice_id)
        update = {
            "update_id": next(self._updates),
            "update_type": "invoice_paid",
            "request_date": "2026-11-20T10:05:01.000Z",
            "payload": self.invoices[invoice_id] | overrides,
        }
        return json.dumps(update, separators=(",", ":")).encode()

    def deliver(
        self, body: bytes, *, token: str | None = None, signature: str | None = None
    ) -> InboundRequest:
        """The webhook request; `token` signs with another app's token (a forgery)."""
        headers = {"content-type": "application/json", "host": "shop.example"}
        headers["crypto-pay-api-signature"] = signature or sign(body, token or self.token)
        return InboundRequest("POST", "/payments/cryptopay", headers, {}, body)

    def deliver_unsigned(self, body: bytes) -> InboundRequest:
        return InboundRequest("POST", "/payments/cryptopay", {}, {}, body)
