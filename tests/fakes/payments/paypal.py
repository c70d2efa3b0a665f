"""A fake PayPal REST API: OAuth2 token, Orders v2, captures, refunds, and webhook checks.

Like the real API: client-credentials tokens (401 `invalid_client`; a revoked or unknown
Bearer is 401 `invalid_token`), `PayPal-Request-Id` replays the first answer (the same id
with another body is 422 `PAYPAL_REQUEST_ID_PREVIOUSLY_USED`; an order with a
`payment_source` needs one), errors as `{"name", "message", "details": [{"issue"}],
"debug_id"}`, an order captured only once it is APPROVED. Webhook signing and
`verify-webhook-signature` live in paypal_webhooks.py.
"""

from __future__ import annotations

import base64
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tests.fakes.payments.asgi import FakeProviderApp, FakeRequest, FakeResponse, Handler

HOST = "https://api-m.sandbox.paypal.com"
CLIENT_ID = "AZfakeClientId"
CLIENT_SECRET = "EFfakeClientSecret"  # noqa: S105 - a test credential
CREATE_TIME = "2026-11-18T18:00:00Z"
_PLACES = {"JPY": 0, "USD": 2, "EUR": 2, "RUB": 2, "GBP": 2}


def error(status: int, name: str, issue: str | None = None) -> FakeResponse:
    body: dict[str, Any] = {"name": name, "message": name.replace("_", " ").lower()}
    if issue is not None:
        body["details"] = [{"issue": issue, "description": issue.replace("_", " ").lower()}]
    body["debug_id"] = "f00dfeed00001"
    return FakeResponse.json(status, body)


def bad_amount(amount: object) -> str | None:
    if not isinstance(amount, dict) or amount.get("currency_code") not in _PLACES:
        return "CURRENCY_NOT_SUPPORTED"
    places = _PLACES[amount["currency_code"]]
    pattern = r"(?:0|[1-9][0-9]*)" + (rf"\.[0-9]{{{places}}}" if places else "")
    value = amount.get("value")
    return None if isinstance(value, str) and re.fullmatch(pattern, value) else "DECIMAL_PRECISION"


@dataclass
class FakePayPal:
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET
    capture_status: str = "COMPLETED"  # "PENDING": an eCheck or a review hold

    def __post_init__(self) -> None:
        self.orders: dict[str, dict[str, Any]] = {}
        self.captures: dict[str, dict[str, Any]] = {}
        self.tokens: set[str] = set()
        self.refunded: dict[str, Decimal] = {}  # capture id -> amount refunded so far
        self._replays: dict[str, tuple[object, FakeResponse]] = {}
        self._ids = itertools.count(1)
        self.app = FakeProviderApp()
        self.app.route("POST", r"/v1/oauth2/token", self._token)
        self.route("POST", r"/v2/checkout/orders", self._create_order, keyed=True)
        self.route("GET", r"/v2/checkout/orders/(?P<id>[^/]+)", self._order)
        self.route("POST", r"/v2/checkout/orders/(?P<id>[^/]+)/capture", self._capture, keyed=True)
        self.route("GET", r"/v2/payments/captures/(?P<id>[^/]+)", self._capture_of)
        self.route("POST", r"/v2/payments/captures/(?P<id>[^/]+)/refund", self._refund, keyed=True)

    def new_id(self) -> str:
        return f"5O190127TN{next(self._ids):07d}"

    # --- plumbing: auth and PayPal-Request-Id -----------------------------------------------
    def route(self, method: str, pattern: str, handler: Handler, *, keyed: bool = False) -> None:
        def wrapped(request: FakeRequest) -> FakeResponse:
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
            if bearer not in self.tokens:
                return FakeResponse.json(
                    401, {"error": "invalid_token", "error_description": "Token is invalid"}
                )
            return self._replayed(request, handler) if keyed else handler(request)

        self.app.route(method, pattern, wrapped)

    def _replayed(self, request: FakeRequest, handler: Handler) -> FakeResponse:
        key = request.headers.get("paypal-request-id")
        body = request.json() if request.body else {}
        if key is None:
            if "payment_source" in body:
                return error(400, "INVALID_REQUEST", "PAYPAL_REQUEST_ID_REQUIRED")
            return handler(request)
        if key in self._replays:
            seen, response = self._replays[key]
            if seen != (request.path, body):
                return error(422, "UNPROCESSABLE_ENTITY", "PAYPAL_REQUEST_ID_PREVIOUSLY_USED")
            return response
        fresh = handler(request)
        if fresh.status < 500:
            self._replays[key] = ((request.path, body), fresh)
        return fresh

    def _token(self, request: FakeRequest) -> FakeResponse:
        basic = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if request.headers.get("authorization") != f"Basic {basic}":
            return FakeResponse.json(
                401,
                {"error": "invalid_client", "error_description": "Client Authentication failed"},
            )
        if request.form().get("grant_type") != "client_credentials":
            return FakeResponse.json(400, {"error": "unsupported_grant_type"})
        token = f"A21AAfakeToken{next(self._ids)}"
        self.tokens.add(token)
        return FakeResponse.json(
            200,
            {
                "scope": "https://uri.paypal.com/services/payments/payment",
                "access_token": token,
                "token_type": "Bearer",
                "app_id": "APP-80W284485P519543T",
                "expires_in": 32400,
                "nonce": "2026-11-18T18:00:00Zfake",
            },
        )

    def revoke_tokens(self) -> None:
        self.tokens.clear()

    # --- orders -----------------------------------------------------------------------------
    def _create_order(self, request: FakeRequest) -> FakeResponse:
        body = request.json()
        units = body.get("purchase_units")
        if body.get("intent") != "CAPTURE" or not isinstance(units, list) or len(units) != 1:
            return error(400, "INVALID_REQUEST", "MISSING_REQUIRED_PARAMETER")
        problem = bad_amount(units[0].get("amount"))
        if problem is not None:
            return error(422, "UNPROCESSABLE_ENTITY", problem)
        if len(str(units[0].get("custom_id", ""))) > 127:
            return error(400, "INVALID_REQUEST", "INVALID_STRING_LENGTH")
        order_id = self.new_id()
        self.orders[order_id] = {
            "id": order_id,
            "intent": "CAPTURE",
            "status": "PAYER_ACTION_REQUIRED",
            "payment_source": {"paypal": {}},
            "purchase_units": [{"reference_id": "default", **units[0]}],
            "create_time": CREATE_TIME,
            "links": [
                {"href": f"{HOST}/v2/checkout/orders/{order_id}", "rel": "self", "method": "GET"},
                {
                    "href": f"https://www.sandbox.paypal.com/checkoutnow?token={order_id}",
                    "rel": "payer-action",
                    "method": "GET",
                },
            ],
        }
        return FakeResponse.json(200, self.orders[order_id])

    def _order(self, request: FakeRequest) -> FakeResponse:
        order = self.orders.get(request.params["id"])
        if order is None:
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID")
        return FakeResponse.json(200, order)

    def _capture(self, request: FakeRequest) -> FakeResponse:
        order = self.orders.get(request.params["id"])
        if order is None:
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID")
        if order["status"] == "COMPLETED":
            return error(422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED")
        if order["status"] != "APPROVED":
            return error(422, "UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED")
        unit = order["purchase_units"][0]
        capture_id = self.new_id()
        self.captures[capture_id] = {
            "id": capture_id,
            "status": self.capture_status,
            "amount": unit["amount"],
            "custom_id": unit.get("custom_id"),
            "invoice_id": unit.get("invoice_id"),
            "final_capture": True,
            "supplementary_data": {"related_ids": {"order_id": order["id"]}},
            "create_time": CREATE_TIME,
            "links": [
                {"href": f"{HOST}/v2/payments/captures/{capture_id}", "rel": "self"},
                {"href": f"{HOST}/v2/payments/captures/{capture_id}/refund", "rel": "refund"},
                {"href": f"{HOST}/v2/checkout/orders/{order['id']}", "rel": "up"},
            ],
        }
        unit["payments"] = {"captures": [self.captures[capture_id]]}
        order["status"] = "COMPLETED"
        return FakeResponse.json(201, order)

    def _capture_of(self, request: FakeRequest) -> FakeResponse:
        capture = self.captures.get(request.params["id"])
        if capture is None:
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID")
        return FakeResponse.json(200, capture)

    def _refund(self, request: FakeRequest) -> FakeResponse:
        capture = self.captures.get(request.params["id"])
        if capture is None:
            return error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID")
        if capture["status"] == "REFUNDED":
            return error(422, "UNPROCESSABLE_ENTITY", "CAPTURE_FULLY_REFUNDED")
        if capture["status"] not in {"COMPLETED", "PARTIALLY_REFUNDED"}:
            return error(422, "UNPROCESSABLE_ENTITY", "REFUND_NOT_ALLOWED")
        body = request.json() if request.body else {}
        total = Decimal(capture["amount"]["value"])
        left = total - self.refunded.get(capture["id"], Decimal(0))
        amount = body.get(
            "amount", {"currency_code": capture["amount"]["currency_code"], "value": str(left)}
        )
        if bad_amount(amount) or amount["currency_code"] != capture["amount"]["currency_code"]:
            return error(422, "UNPROCESSABLE_ENTITY", "CURRENCY_MISMATCH")
        wanted = Decimal(amount["value"])
        if not 0 < wanted <= left:
            return error(422, "UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED")
        self.refunded[capture["id"]] = total - left + wanted
        capture["status"] = "REFUNDED" if wanted == left else "PARTIALLY_REFUNDED"
        refund_id = self.new_id()
        refund = {
            "id": refund_id,
            "status": "COMPLETED",
            "amount": amount,
            "custom_id": body.get("custom_id"),
            "create_time": CREATE_TIME,
            "links": [
                {"href": f"{HOST}/v2/payments/refunds/{refund_id}", "rel": "self"},
                {"href": f"{HOST}/v2/payments/captures/{capture['id']}", "rel": "up"},
            ],
        }
        return FakeResponse.json(201, refund)

    # --- what the customer does -------------------------------------------------------------
    def approve(self, order_id: str) -> None:
        self.orders[order_id]["status"] = "APPROVED"
        self.orders[order_id]["payer"] = {"payer_id": "QYR5Z8XDVJNXQ", "email_address": "b@x.io"}

    def capture_now(self, order_id: str) -> dict[str, Any]:
        """Approve and capture as the shop would (on return); the capture, as PayPal has it."""
        if self.orders[order_id]["status"] != "COMPLETED":
            self.approve(order_id)
            self._capture(FakeRequest("POST", "", {}, {}, b"", {"id": order_id}))
        return dict(self.orders[order_id]["purchase_units"][0]["payments"]["captures"][0])
