"""YooKassa's JSON, validated strictly: amounts stay strings until `money_codecs` reads them.

Payment ids look like `2d7e1b5a-000f-5000-9000-1b68e7b15f3f`; anything else is refused before
it can reach a URL path.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

METADATA_KEY: Final = "payment_id"
OBJECT_ID: Final = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

ObjectId = Annotated[str, StringConstraints(pattern=OBJECT_ID)]


def is_object_id(text: str) -> bool:
    return re.fullmatch(OBJECT_ID, text) is not None


PaymentStatus = Literal["pending", "waiting_for_capture", "succeeded", "canceled"]


class _Payload(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class Amount(_Payload):
    value: str
    currency: str


class Confirmation(_Payload):
    type: str
    confirmation_url: str | None = None


class CancellationDetails(_Payload):
    party: str
    reason: str


class Payment(_Payload):
    id: ObjectId
    status: PaymentStatus
    paid: bool
    amount: Amount
    test: bool
    metadata: dict[str, str] = {}
    confirmation: Confirmation | None = None
    refunded_amount: Amount | None = None
    cancellation_details: CancellationDetails | None = None

    def payment_ref(self) -> str | None:
        return self.metadata.get(METADATA_KEY)


class Refund(_Payload):
    id: ObjectId
    payment_id: ObjectId
    status: Literal["pending", "succeeded", "canceled"]
    amount: Amount


class Notification(_Payload):
    """`object` is read by the model its `event` calls for."""

    type: Literal["notification"]
    event: Literal[
        "payment.waiting_for_capture", "payment.succeeded", "payment.canceled", "refund.succeeded"
    ]
    object: dict[str, Any]


class ErrorResponse(_Payload):
    type: Literal["error"]
    code: str
    description: str | None = None
    parameter: str | None = None
