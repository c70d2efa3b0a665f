"""PayPal webhooks as PayPal sends them, and its `verify-webhook-signature` endpoint.

The real PayPal signs `transmission_id|transmission_time|webhook_id|crc32(body)` with RSA
and publishes the certificate at `cert_url`. The adapter never checks that signature itself
(it asks the API), so this fake signs the same message with a private HMAC key and checks it
the same way in `verify-webhook-signature`: FAILURE for another key, another listener's
`webhook_id`, a certificate it did not issue, or an event that is not byte-for-byte the one
delivered (the CRC is over the `webhook_event` bytes as sent: re-serialised JSON fails).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import zlib
from dataclasses import dataclass
from typing import Any

from shop_domain.ports.payment_gateway import InboundRequest
from tests.fakes.payments.asgi import FakeRequest, FakeResponse
from tests.fakes.payments.paypal import HOST, FakePayPal, error

WEBHOOK_ID = "8PT597110X687430L"
SIGNING_KEY = b"paypal-fake-signing-key"
CERT_URL = f"{HOST}/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77"
NOW = "2026-11-18T18:00:00Z"
_FIELDS = ("auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time")
_KEY = b'"webhook_event":'


def transmission_sig(tid: str, time: str, webhook_id: str, body: bytes, key: bytes) -> str:
    message = f"{tid}|{time}|{webhook_id}|{zlib.crc32(body) & 0xFFFFFFFF}".encode()
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def raw_event(body: bytes) -> bytes | None:
    """The `webhook_event` value exactly as the caller sent it."""
    start = body.find(_KEY)
    if start < 0:
        return None
    try:
        text = body[start + len(_KEY) :].decode()
        offset = len(text) - len(text.lstrip())
        _, end = json.JSONDecoder().raw_decode(text, offset)
    except ValueError:
        return None
    return text[offset:end].encode()


@dataclass
class PayPalWebhooks:
    paypal: FakePayPal
    webhook_id: str = WEBHOOK_ID

    def __post_init__(self) -> None:
        self._ids = itertools.count(1)
        self.verifications = 0
        self.paypal.route("POST", r"/v1/notifications/verify-webhook-signature", self._verify)

    def _verify(self, request: FakeRequest) -> FakeResponse:
        self.verifications += 1
        try:
            fields = request.json()
        except ValueError:
            return error(400, "INVALID_REQUEST", "MALFORMED_REQUEST_JSON")
        event = raw_event(request.body)
        if (
            not isinstance(fields, dict)
            or event is None
            or any(not isinstance(fields.get(name), str) for name in (*_FIELDS, "webhook_id"))
        ):
            return error(400, "VALIDATION_ERROR", "MISSING_REQUIRED_PARAMETER")
        expected = transmission_sig(
            fields["transmission_id"],
            fields["transmission_time"],
            fields["webhook_id"],
            event,
            SIGNING_KEY,
        )
        genuine = (
            fields["auth_algo"] == "SHA256withRSA"
            and fields["cert_url"] == CERT_URL
            and hmac.compare_digest(expected, fields["transmission_sig"])
        )
        return FakeResponse.json(200, {"verification_status": "SUCCESS" if genuine else "FAILURE"})

    # --- events -----------------------------------------------------------------------------
    def event(self, event_type: str, resource: dict[str, Any], resource_type: str) -> bytes:
        number = next(self._ids)
        event = {
            "id": f"WH-{number:017d}-6E0871324L7949614",
            "event_version": "1.0",
            "create_time": NOW,
            "resource_type": resource_type,
            "resource_version": "2.0",
            "event_type": event_type,
            "summary": f"{event_type} event",
            "resource": resource,
            "links": [{"href": f"{HOST}/v1/notifications/webhooks-events/WH-{number}"}],
        }
        return json.dumps(event).encode()

    def capture_completed(self, order_id: str, **changes: Any) -> bytes:
        return self.event(
            "PAYMENT.CAPTURE.COMPLETED", self.paypal.capture_now(order_id) | changes, "capture"
        )

    def deliver(
        self,
        body: bytes,
        *,
        key: bytes = SIGNING_KEY,
        webhook_id: str | None = None,
        time: str = NOW,
        **headers: str,
    ) -> InboundRequest:
        """`key`/`webhook_id`: sign as someone else, or for another listener (forgeries);
        `headers`: override a `paypal-*` header, e.g. `cert_url=...`."""
        tid = f"d938e770-8046-11e6-8103-{next(self._ids):012d}"
        sig = transmission_sig(tid, time, webhook_id or self.webhook_id, body, key)
        sent = {
            "content-type": "application/json",
            "paypal-auth-algo": headers.get("auth_algo", "SHA256withRSA"),
            "paypal-cert-url": headers.get("cert_url", CERT_URL),
            "paypal-transmission-id": headers.get("transmission_id", tid),
            "paypal-transmission-sig": headers.get("transmission_sig", sig),
            "paypal-transmission-time": time,
            "user-agent": "PayPal/AUHD-214.0-58335431",
        }
        return InboundRequest("POST", "/payments/paypal", sent, {}, body)
