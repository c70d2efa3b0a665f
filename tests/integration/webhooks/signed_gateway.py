"""A minimal signed provider for testing the web pipeline itself (real providers have their own
fakes in tests/fakes/payments): JSON body, HMAC-SHA256 hex of the raw body in X-Signature."""

from __future__ import annotations

import hashlib
import hmac
import json
from decimal import Decimal

from shop_domain.errors import NotificationMalformedError, NotificationUntrustedError
from shop_domain.model.ids import PaymentId
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import (
    Acknowledgement,
    InboundRequest,
    NotificationKind,
    PaymentNotification,
)
from tests.unit.fakes import FakePaymentGateway

SECRET = b"webhook-secret"


def sign(body: bytes, secret: bytes = SECRET) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def paid_body(payment_id: str, amount: str = "199.00", event_id: str = "evt-1") -> bytes:
    return json.dumps(
        {"event_id": event_id, "payment_id": payment_id, "amount": amount, "currency": "RUB"}
    ).encode()


class SignedGateway(FakePaymentGateway):
    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        signature = request.headers.get("x-signature")
        if signature is None or not hmac.compare_digest(signature, sign(request.body)):
            raise NotificationUntrustedError("bad signature")
        try:
            data = json.loads(request.body)
            amount = Money(Decimal(data["amount"]), data["currency"])
            return PaymentNotification(
                provider=self.name,
                event_id=str(data["event_id"]),
                kind=NotificationKind.PAID,
                payment_ref=PaymentId(str(data["payment_id"])),
                provider_payment_id=None,
                amount=amount,
            )
        except (ValueError, KeyError, TypeError, ArithmeticError) as error:
            raise NotificationMalformedError(str(error)) from error

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        return Acknowledgement(body=f"OK{notification.payment_ref}".encode())
