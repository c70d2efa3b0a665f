"""A fake YooKassa API v3 (`/v3/payments`, `/v3/refunds`) and its notification sender.

Like the real API: HTTP Basic `shopId:secretKey` (401 `invalid_credentials`), a required
`Idempotence-Key` on POST (the same key with the same body replays the first answer; with
another body it is a 400 `invalid_request` on `Idempotence-Key`), errors as
`{"type": "error", "id", "code", "description", "parameter"}`, 404 `not_found`. Notifications
are unsigned JSON `{"type": "notification", "event", "object"}` from YooKassa's addresses.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from shop_domain.ports.payment_gateway import InboundRequest
from tests.fakes.payments.asgi import FakeProviderApp, FakeRequest, FakeResponse, Handler

HOST = "https://api.yookassa.ru"
SHOP_ID = "123456"
SECRET_KEY = "test_FakeSecretKey"  # noqa: S105 - a test credential
SENDER_IP = "185.71.76.10"
CREATED_AT = "2026-11-18T18:00:00.000Z"
_AMOUNT = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]{1,2})?")


def _error(status: int, code: str, description: str, parameter: str | None = None) -> FakeResponse:
    body: dict[str, Any] = {
        "type": "error",
        "id": "0190a7c8-0000-5000-8000-000000000000",
        "code": code,
        "description": description,
    }
    if parameter is not None:
        body["parameter"] = parameter
    return FakeResponse.json(status, body)


def _bad_amount(amount: object) -> bool:
    if not isinstance(amount, dict):
        return True
    value, currency = amount.get("value"), amount.get("currency")
    return not (isinstance(value, str) and _AMOUNT.fullmatch(value) and currency in {"RUB", "USD"})


@dataclass
class FakeYooKassa:
    shop_id: str = SHOP_ID
    secret_key: str = SECRET_KEY

    def __post_init__(self) -> None:
        self.payments: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self._replays: dict[str, tuple[Any, FakeResponse]] = {}
        self._ids = itertools.count(1)
        self.app = FakeProviderApp()
        self.app.route("POST", r"/v3/payments", self._idempotent(self._create_payment))
        self.app.route("GET", r"/v3/payments/(?P<id>[^/]+)", self._authed(self._payment))
        self.app.route("POST", r"/v3/refunds", self._idempotent(self._create_refund))
        self.app.route("GET", r"/v3/refunds/(?P<id>[^/]+)", self._authed(self._refund))

    @property
    def test(self) -> bool:
        return self.secret_key.startswith("test_")

    def _id(self) -> str:
        return f"2d7e1b5a-000f-5000-9000-{next(self._ids):012x}"

    # --- plumbing: auth and idempotency -----------------------------------------------------
    def _authed(self, handler: Handler) -> Handler:
        def wrapped(request: FakeRequest) -> FakeResponse:
            expected = base64.b64encode(f"{self.shop_id}:{self.secret_key}".encode()).decode()
            if request.headers.get("authorization") != f"Basic {expected}":
                return _error(
                    401,
                    "invalid_credentials",
                    "Login and password are incorrect. Specify the shopId and secret key.",
                )
            return handler(request)

        return wrapped

    def _idempotent(self, handler: Handler) -> Handler:
        authed = self._authed(handler)

        def wrapped(request: FakeRequest) -> FakeResponse:
            key = request.headers.get("idempotence-key")
            if not key or len(key) > 64:
                return _error(
                    400, "invalid_request", "Idempotence key is missing", "Idempotence-Key"
                )
            try:
                body = request.json()
            except ValueError:
                return _error(400, "invalid_request", "Request body is not JSON")
            if key in self._replays:
                seen, response = self._replays[key]
                if seen != body:
                    return _error(
                        400, "invalid_request", "Idempotence key duplicated", "Idempotence-Key"
                    )
                return response
            fresh = authed(request)
            if fresh.status < 500:
                self._replays[key] = (body, fresh)
            return fresh

        return wrapped

    # --- endpoints --------------------------------------------------------------------------
    def _create_payment(self, request: FakeRequest) -> FakeResponse:
        body = request.json()
        if _bad_amount(body.get("amount")):
            return _error(400, "invalid_request", "Invalid amount", "amount")
        confirmation = body.get("confirmation") or {}
        if confirmation.get("type") != "redirect" or not confirmation.get("return_url"):
            return _error(400, "invalid_request", "Invalid confirmation", "confirmation")
        if len(body.get("description", "")) > 128:
            return _error(400, "invalid_request", "Description is too long", "description")
        metadata = body.get("metadata", {})
        if len(metadata) > 16 or any(len(k) > 32 or len(str(v)) > 512 for k, v in metadata.items()):
            return _error(400, "invalid_request", "Invalid metadata", "metadata")
        payment_id = self._id()
        self.payments[payment_id] = {
            "id": payment_id,
            "status": "pending",
            "paid": False,
            "amount": body["amount"],
            "confirmation": {
                "type": "redirect",
                "return_url": confirmation["return_url"],
                "confirmation_url": (
                    f"https://yoomoney.ru/checkout/payments/v2/contract?orderId={payment_id}"
                ),
            },
            "created_at": CREATED_AT,
            "description": body.get("description"),
            "metadata": metadata,
            "recipient": {"account_id": self.shop_id, "gateway_id": "2000001"},
            "refundable": False,
            "test": self.test,
            "_capture": body.get("capture", False),
        }
        return self._payment_response(payment_id)

    def _payment_response(self, payment_id: str) -> FakeResponse:
        return FakeResponse.json(200, self.snapshot(payment_id))

    def _payment(self, request: FakeRequest) -> FakeResponse:
        if request.params["id"] not in self.payments:
            return _error(404, "not_found", "Payment doesn't exist or access denied", "payment_id")
        return self._payment_response(request.params["id"])

    def _create_refund(self, request: FakeRequest) -> FakeResponse:
        body = request.json()
        payment = self.payments.get(str(body.get("payment_id")))
        if payment is None:
            return _error(400, "invalid_request", "Payment doesn't exist", "payment_id")
        if (
            _bad_amount(body.get("amount"))
            or body["amount"]["currency"] != (payment["amount"]["currency"])
        ):
            return _error(400, "invalid_request", "Invalid amount", "amount")
        refunded = Decimal(payment.get("refunded_amount", {}).get("value", "0"))
        left = Decimal(payment["amount"]["value"]) - refunded
        wanted = Decimal(body["amount"]["value"])
        if payment["status"] != "succeeded" or not 0 < wanted <= left:
            return _error(400, "invalid_request", "Refund amount exceeds payment", "amount")
        refund_id = self._id()
        refund = {
            "id": refund_id,
            "payment_id": payment["id"],
            "status": "succeeded",
            "created_at": CREATED_AT,
            "amount": body["amount"],
        }
        self.refunds[refund_id] = refund
        currency = payment["amount"]["currency"]
        payment["refunded_amount"] = {"value": f"{refunded + wanted:.2f}", "currency": currency}
        payment["refundable"] = refunded + wanted < Decimal(payment["amount"]["value"])
        return FakeResponse.json(200, refund)

    def _refund(self, request: FakeRequest) -> FakeResponse:
        refund = self.refunds.get(request.params["id"])
        if refund is None:
            return _error(404, "not_found", "Refund doesn't exist", "refund_id")
        return FakeResponse.json(200, refund)

    # --- what the customer does -------------------------------------------------------------
    def pay(self, payment_id: str) -> dict[str, Any]:
        payment = self.payments[payment_id]
        captured = payment["_capture"]
        payment |= {
            "status": "succeeded" if captured else "waiting_for_capture",
            "paid": True,
            "refundable": captured,
            "income_amount": payment["amount"],
            "payment_method": {"type": "bank_card", "id": payment_id, "saved": False},
        }
        if captured:
            payment["captured_at"] = "2026-11-18T18:05:00.000Z"
        return self.snapshot(payment_id)

    def cancel(self, payment_id: str, reason: str = "expired_on_confirmation") -> dict[str, Any]:
        self.payments[payment_id] |= {
            "status": "canceled",
            "cancellation_details": {"party": "yoo_money", "reason": reason},
        }
        return self.snapshot(payment_id)

    def snapshot(self, payment_id: str) -> dict[str, Any]:
        return {k: v for k, v in self.payments[payment_id].items() if not k.startswith("_")}

    # --- notifications ----------------------------------------------------------------------
    @staticmethod
    def notification_body(event: str, obj: dict[str, Any]) -> bytes:
        return json.dumps({"type": "notification", "event": event, "object": obj}).encode()

    def succeeded_body(self, payment_id: str) -> bytes:
        if self.payments[payment_id]["status"] != "succeeded":
            self.pay(payment_id)
        return self.notification_body("payment.succeeded", self.snapshot(payment_id))

    def deliver(self, body: bytes, *, peer_ip: str | None = SENDER_IP) -> InboundRequest:
        headers = {"content-type": "application/json", "user-agent": "YooKassa API"}
        return InboundRequest("POST", "/payments/yookassa", headers, {}, body, peer_ip)
