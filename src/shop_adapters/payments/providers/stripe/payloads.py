"""Stripe objects we read, validated strictly; `metadata` is where our payment id travels."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

METADATA_KEY = "payment_id"


class _Payload(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class Event(_Payload):
    """`data.object` is read by the model its `type` calls for."""

    id: str
    type: str
    livemode: bool
    data: dict[str, Any]


class Session(_Payload):
    id: str
    status: str | None = None  # open | complete | expired
    payment_status: str  # paid | unpaid | no_payment_required
    amount_total: int | None = None
    currency: str | None = None
    client_reference_id: str | None = None
    metadata: dict[str, str] = {}
    payment_intent: str | None = None
    url: str | None = None
    expires_at: int | None = None

    def payment_ref(self) -> str | None:
        """Our id from `client_reference_id`, or from metadata; both are set, and must agree."""
        from_metadata = self.metadata.get(METADATA_KEY)
        if self.client_reference_id and from_metadata and self.client_reference_id != from_metadata:
            raise ValueError("client_reference_id and metadata disagree")
        return self.client_reference_id or from_metadata


class Charge(_Payload):
    id: str
    amount_refunded: int
    currency: str
    refunded: bool  # true only once the whole charge is refunded
    payment_intent: str | None = None
    metadata: dict[str, str] = {}


class Dispute(_Payload):
    id: str
    amount: int
    currency: str
    charge: str
    payment_intent: str | None = None


class PaymentIntent(_Payload):
    id: str
    metadata: dict[str, str] = {}


class Refund(_Payload):
    id: str
    status: str  # pending | requires_action | succeeded | failed | canceled


class ApiError(_Payload):
    type: str
    code: str | None = None
    message: str | None = None


class ErrorResponse(_Payload):
    error: ApiError
