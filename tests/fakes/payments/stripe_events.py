"""Stripe webhook events as Stripe sends them: pretty-printed JSON, signed in
`Stripe-Signature: t=…,v1=…` with the endpoint's `whsec_…`, plus forged variants."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from collections.abc import Sequence
from typing import Any

from shop_domain.ports.payment_gateway import InboundRequest
from tests.fakes.payments.stripe import NOW, FakeStripe

_event_ids = itertools.count(1)
WEBHOOK_SECRET = "whsec_fakeEndpointSecret"  # noqa: S105 - a test credential


def signature(body: bytes, secret: str, timestamp: int) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


class StripeEvents:
    def __init__(self, stripe: FakeStripe, webhook_secret: str = WEBHOOK_SECRET):
        self.stripe = stripe
        self.webhook_secret = webhook_secret

    def event(self, kind: str, obj: dict[str, Any], *, livemode: bool | None = None) -> bytes:
        event = {
            "id": f"evt_{next(_event_ids):024d}",
            "object": "event",
            "api_version": "2024-06-20",
            "created": NOW,
            "data": {"object": obj},
            "livemode": self.stripe.livemode if livemode is None else livemode,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": kind,
        }
        return json.dumps(event, indent=2).encode()

    def session_event(self, kind: str, session_id: str) -> bytes:
        return self.event(kind, self.stripe.snapshot(session_id))

    def charge_refunded(self, session_id: str, *, with_metadata: bool = True) -> bytes:
        intent = self.stripe.intents[self.stripe.sessions[session_id]["payment_intent"]]
        charge = dict(self.stripe.charges[intent["latest_charge"]])
        charge |= {"amount_refunded": charge["amount"], "refunded": True}
        if not with_metadata:
            charge["metadata"] = {}
        return self.event("charge.refunded", charge)

    def dispute_created(self, session_id: str) -> bytes:
        intent = self.stripe.intents[self.stripe.sessions[session_id]["payment_intent"]]
        dispute = {
            "id": "dp_1",
            "object": "dispute",
            "amount": intent["amount"],
            "currency": intent["currency"],
            "charge": intent["latest_charge"],
            "payment_intent": intent["id"],
            "reason": "fraudulent",
            "status": "needs_response",
        }
        return self.event("charge.dispute.created", dispute)

    def deliver(
        self,
        body: bytes,
        *,
        secret: str | None = None,
        timestamp: int = NOW,
        extra_signatures: Sequence[str] = (),
        header: str | None = None,
    ) -> InboundRequest:
        """`secret`: sign with another endpoint's secret (a forgery); `extra_signatures`: more
        `v1` values, as during a secret roll; `header`: the raw header, verbatim."""
        if header is None:
            signed = signature(body, secret or self.webhook_secret, timestamp)
            header = ",".join(
                [
                    f"t={timestamp}",
                    f"v1={signed}",
                    *(f"v1={s}" for s in extra_signatures),
                    f"v0={'0' * 64}",
                ]
            )
        headers = {
            "content-type": "application/json; charset=utf-8",
            "stripe-signature": header,
            "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        }
        return InboundRequest("POST", "/payments/stripe", headers, {}, body)
