"""PayPal's JSON, validated strictly: amounts stay strings until `money_codecs` reads them.

Order and capture ids are 17 upper-case letters and digits; anything else is refused
before it can reach a URL path.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

RESOURCE_ID: Final = r"^[A-Z0-9]{17}$"
ResourceId = Annotated[str, StringConstraints(pattern=RESOURCE_ID)]


def is_resource_id(text: str) -> bool:
    return re.fullmatch(RESOURCE_ID, text) is not None


class _Payload(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class Amount(_Payload):
    currency_code: str
    value: str


class Link(_Payload):
    href: str
    rel: str


class RelatedIds(_Payload):
    order_id: ResourceId | None = None


class SupplementaryData(_Payload):
    related_ids: RelatedIds = RelatedIds()


class Capture(_Payload):
    id: ResourceId
    status: str  # COMPLETED | PENDING | DECLINED | FAILED | REFUNDED | PARTIALLY_REFUNDED | ...
    amount: Amount
    custom_id: str | None = None
    supplementary_data: SupplementaryData = SupplementaryData()
    links: list[Link] = []


class Refund(_Payload):
    id: ResourceId
    status: str  # COMPLETED | PENDING | CANCELLED | FAILED
    amount: Amount
    custom_id: str | None = None
    links: list[Link] = []


class Payments(_Payload):
    captures: list[Capture] = []


class PurchaseUnit(_Payload):
    amount: Amount | None = None
    custom_id: str | None = None
    payments: Payments = Payments()


class Order(_Payload):
    id: ResourceId
    status: str  # CREATED | PAYER_ACTION_REQUIRED | APPROVED | COMPLETED | VOIDED | SAVED
    purchase_units: list[PurchaseUnit] = []
    links: list[Link] = []

    def link(self, *rels: str) -> str | None:
        return next((link.href for link in self.links if link.rel in rels), None)


class Event(_Payload):
    """`resource` is read by the model its `event_type` calls for."""

    id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    event_type: str
    resource: dict[str, Any]


class Token(_Payload):
    access_token: str
    token_type: Literal["Bearer"]
    expires_in: int


class Verification(_Payload):
    verification_status: Literal["SUCCESS", "FAILURE"]


class ErrorDetail(_Payload):
    issue: str


class ErrorResponse(_Payload):
    name: str
    details: list[ErrorDetail] = []
