"""A fake Stripe API (Checkout Sessions, PaymentIntents, Refunds) with Stripe's semantics:
Bearer auth, form-encoded bodies, idempotency-key replay (and `idempotency_error` when a
key is reused with other parameters), `{"error": {...}}` bodies with Stripe's codes.
Webhook events are built and signed in stripe_events.py.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

from tests.fakes.payments.asgi import FakeProviderApp, FakeRequest, FakeResponse

HOST = "https://api.stripe.com"
SECRET_KEY = "sk_test_51FakeKey"  # noqa: S105 - a test credential
NOW = 1_795_000_000  # the fake's "now" (2026-11-18); tests pin their clock to it


def _error(status: int, kind: str, message: str, code: str | None = None) -> FakeResponse:
    error: dict[str, Any] = {"type": kind, "message": message}
    if code is not None:
        error["code"] = code
    return FakeResponse.json(status, {"error": error})


def _nested(form: dict[str, str], prefix: str) -> dict[str, str]:
    return {
        key[len(prefix) + 1 : -1]: value
        for key, value in form.items()
        if key.startswith(prefix + "[") and key.count("[") == prefix.count("[") + 1
    }


@dataclass
class FakeStripe:
    secret_key: str = SECRET_KEY
    livemode: bool = False

    def __post_init__(self) -> None:
        self.sessions: dict[str, dict[str, Any]] = {}
        self.intents: dict[str, dict[str, Any]] = {}
        self.charges: dict[str, dict[str, Any]] = {}
        self.refunds: list[dict[str, Any]] = []
        self._replays: dict[str, tuple[str, FakeResponse]] = {}
        self._ids = itertools.count(1)
        self.app = FakeProviderApp()
        self.app.route("POST", r"/v1/checkout/sessions", self._idempotent(self._create_session))
        self.app.route("GET", r"/v1/checkout/sessions/(?P<id>[^/]+)", self._authed(self._session))
        self.app.route("GET", r"/v1/payment_intents/(?P<id>[^/]+)", self._authed(self._intent))
        self.app.route("POST", r"/v1/refunds", self._idempotent(self._refund))

    def _id(self, prefix: str) -> str:
        mode = "live" if self.livemode else "test"
        return f"{prefix}_{mode}_{next(self._ids):08d}"

    # --- plumbing: auth and idempotency -----------------------------------------------------
    def _authed(self, handler: Any) -> Any:
        def wrapped(request: FakeRequest) -> FakeResponse:
            if request.headers.get("authorization") != f"Bearer {self.secret_key}":
                return _error(401, "invalid_request_error", "Invalid API Key provided")
            return handler(request)  # type: ignore[no-any-return]

        return wrapped

    def _idempotent(self, handler: Any) -> Any:
        authed = self._authed(handler)

        def wrapped(request: FakeRequest) -> FakeResponse:
            key = request.headers.get("idempotency-key")
            fingerprint = f"{request.path}?{sorted(request.form().items())}"
            if key is not None and key in self._replays:
                seen, response = self._replays[key]
                if seen != fingerprint:
                    return _error(
                        400,
                        "idempotency_error",
                        f"Keys for idempotent requests can "
                        f"only be used with the same parameters ('{key}').",
                    )
                return FakeResponse(
                    response.status, response.body, headers={"Idempotent-Replayed": "true"}
                )
            fresh: FakeResponse = authed(request)
            if key is not None and fresh.status < 500:
                self._replays[key] = (fingerprint, fresh)
            return fresh

        return wrapped

    # --- endpoints --------------------------------------------------------------------------
    def _create_session(self, request: FakeRequest) -> FakeResponse:
        form = request.form()
        for param in (
            "line_items[0][price_data][currency]",
            "line_items[0][price_data][unit_amount]",
            "success_url",
        ):
            if not form.get(param):
                return _error(
                    400,
                    "invalid_request_error",
                    f"Missing required param: {param}.",
                    "parameter_missing",
                )
        if form.get("mode") != "payment":
            return _error(400, "invalid_request_error", "Invalid mode", "parameter_invalid_string")
        amount = form["line_items[0][price_data][unit_amount]"]
        if not amount.isdigit():
            return _error(
                400,
                "invalid_request_error",
                "Invalid integer: " + amount,
                "parameter_invalid_integer",
            )
        session_id = self._id("cs")
        self.sessions[session_id] = {
            "id": session_id,
            "object": "checkout.session",
            "mode": "payment",
            "amount_subtotal": int(amount),
            "amount_total": int(amount),
            "currency": form["line_items[0][price_data][currency]"],
            "client_reference_id": form.get("client_reference_id"),
            "metadata": _nested(form, "metadata"),
            "payment_intent": None,
            "payment_status": "unpaid",
            "status": "open",
            "success_url": form["success_url"],
            "cancel_url": form.get("cancel_url"),
            "url": f"https://checkout.stripe.com/c/pay/{session_id}",
            "expires_at": int(form.get("expires_at", NOW + 86400)),
            "created": NOW,
            "livemode": self.livemode,
            "locale": form.get("locale"),
            "_intent_metadata": _nested(form, "payment_intent_data[metadata]"),
        }
        return self._session_response(session_id)

    def _session_response(self, session_id: str) -> FakeResponse:
        public = {k: v for k, v in self.sessions[session_id].items() if not k.startswith("_")}
        return FakeResponse.json(200, public)

    def _session(self, request: FakeRequest) -> FakeResponse:
        session_id = request.params["id"]
        if session_id not in self.sessions:
            return _error(
                404,
                "invalid_request_error",
                f"No such checkout.session: '{session_id}'",
                "resource_missing",
            )
        return self._session_response(session_id)

    def _intent(self, request: FakeRequest) -> FakeResponse:
        intent = self.intents.get(request.params["id"])
        if intent is None:
            return _error(
                404, "invalid_request_error", "No such payment_intent", "resource_missing"
            )
        return FakeResponse.json(200, intent)

    def _refund(self, request: FakeRequest) -> FakeResponse:
        form = request.form()
        intent = self.intents.get(form.get("payment_intent", ""))
        if intent is None:
            return _error(
                400, "invalid_request_error", "No such payment_intent", "resource_missing"
            )
        charge = self.charges[intent["latest_charge"]]
        left = charge["amount"] - charge["amount_refunded"]
        amount = int(form.get("amount", left))
        if left == 0:
            return _error(
                400,
                "invalid_request_error",
                f"Charge {charge['id']} has already been refunded.",
                "charge_already_refunded",
            )
        if amount > left:
            return _error(
                400,
                "invalid_request_error",
                "Refund amount is greater than unrefunded amount on charge",
                "amount_too_large",
            )
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] == charge["amount"]
        refund = {
            "id": self._id("re"),
            "object": "refund",
            "amount": amount,
            "currency": charge["currency"],
            "payment_intent": intent["id"],
            "charge": charge["id"],
            "status": "succeeded",
            "metadata": _nested(form, "metadata"),
        }
        self.refunds.append(refund)
        return FakeResponse.json(200, refund)

    # --- what the customer does -------------------------------------------------------------
    def complete(self, session_id: str, payment_status: str = "paid") -> dict[str, Any]:
        """The customer finishes Checkout; "unpaid" for a delayed method (SEPA, Boleto)."""
        session = self.sessions[session_id]
        intent_id, charge_id = self._id("pi"), self._id("ch")
        metadata = session["_intent_metadata"]
        self.intents[intent_id] = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": session["amount_total"],
            "currency": session["currency"],
            "metadata": metadata,
            "latest_charge": charge_id,
            "status": "succeeded" if payment_status == "paid" else "processing",
        }
        self.charges[charge_id] = {
            "id": charge_id,
            "object": "charge",
            "amount": session["amount_total"],
            "amount_refunded": 0,
            "refunded": False,
            "currency": session["currency"],
            "payment_intent": intent_id,
            "metadata": dict(metadata),
        }
        session |= {
            "status": "complete",
            "payment_status": payment_status,
            "payment_intent": intent_id,
        }
        return self.snapshot(session_id)

    def settle(self, session_id: str) -> dict[str, Any]:
        """A delayed payment method succeeds later."""
        self.sessions[session_id]["payment_status"] = "paid"
        return self.snapshot(session_id)

    def expire(self, session_id: str) -> dict[str, Any]:
        self.sessions[session_id]["status"] = "expired"
        return self.snapshot(session_id)

    def snapshot(self, session_id: str) -> dict[str, Any]:
        return json.loads(self._session_response(session_id).body)  # type: ignore[no-any-return]
