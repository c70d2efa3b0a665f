"""CryptoPay's JSON, validated strictly: amounts stay strings until `money_codecs` reads them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Payload(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class Invoice(_Payload):
    invoice_id: int
    status: Literal["active", "paid", "expired"]
    currency_type: Literal["crypto", "fiat"]
    amount: str
    asset: str | None = None
    fiat: str | None = None
    payload: str | None = None
    bot_invoice_url: str | None = None
    expiration_date: str | None = None


class Update(_Payload):
    """The webhook body: `update_type` is "invoice_paid" for every update documented so far."""

    update_id: int
    update_type: str
    request_date: str
    payload: Invoice


class ApiError(_Payload):
    code: int
    name: str


class ErrorResponse(_Payload):
    ok: Literal[False]
    error: ApiError


class InvoiceResponse(_Payload):
    ok: Literal[True]
    result: Invoice


class InvoiceList(_Payload):
    items: list[Invoice]


class InvoiceListResponse(_Payload):
    ok: Literal[True]
    result: InvoiceList
