"""The Stripe REST calls the gateway makes: Bearer auth, a pinned `Stripe-Version`, form
bodies, and `Idempotency-Key` on every write (so a write may be retried safely)."""

from __future__ import annotations

from typing import TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from shop_adapters.payments.http import ProviderHttp, read_model
from shop_adapters.payments.providers.stripe.config import StripeConfig
from shop_adapters.payments.providers.stripe.events import PROVIDER
from shop_adapters.payments.providers.stripe.payloads import (
    METADATA_KEY,
    ErrorResponse,
    PaymentIntent,
    Refund,
    Session,
)

_Model = TypeVar("_Model", bound=BaseModel)


class StripeApi:
    def __init__(self, client: httpx.AsyncClient, config: StripeConfig) -> None:
        self._http = ProviderHttp(client, PROVIDER)
        self._base = config.api_base
        self._headers = {
            "Authorization": f"Bearer {config.secret_key}",
            "Stripe-Version": config.api_version,
        }

    async def create_session(self, form: dict[str, str], idempotency_key: str) -> Session:
        response = await self._post("/v1/checkout/sessions", form, idempotency_key)
        return _read(response, Session)

    async def session(self, session_id: str) -> Session | None:
        response = await self._get(f"/v1/checkout/sessions/{session_id}")
        return None if response.status_code == httpx.codes.NOT_FOUND else _read(response, Session)

    async def payment_ref_of_intent(self, intent_id: str) -> str | None:
        """Our payment id from a PaymentIntent's metadata (set at checkout)."""
        response = await self._get(f"/v1/payment_intents/{intent_id}")
        if response.status_code == httpx.codes.NOT_FOUND:
            return None
        return _read(response, PaymentIntent).metadata.get(METADATA_KEY)

    async def refund(self, form: dict[str, str], idempotency_key: str) -> None:
        """ "Already refunded" (by us, or in the Dashboard) counts as done."""
        response = await self._post("/v1/refunds", form, idempotency_key)
        already = response.status_code == httpx.codes.BAD_REQUEST and (
            _error_code(response) == "charge_already_refunded"
        )
        if not already:
            _read(response, Refund)

    async def _get(self, path: str) -> httpx.Response:
        url = f"{self._base}{path}"
        return await self._http.send("GET", url, idempotent=True, headers=self._headers)

    async def _post(self, path: str, form: dict[str, str], key: str) -> httpx.Response:
        headers = self._headers | {"Idempotency-Key": key}
        url = f"{self._base}{path}"
        return await self._http.send("POST", url, idempotent=True, headers=headers, data=form)


def _read(response: httpx.Response, model: type[_Model]) -> _Model:
    return read_model(PROVIDER, response, model, _error_detail)


def _error_code(response: httpx.Response) -> str | None:
    try:
        error = ErrorResponse.model_validate_json(response.content).error
    except ValidationError:
        return None
    return error.code or error.type


def _error_detail(response: httpx.Response) -> str:
    return _error_code(response) or "error"
