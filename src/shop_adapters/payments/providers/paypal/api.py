"""The PayPal REST calls: a cached Bearer token, JSON bodies, and `PayPal-Request-Id` on
every write, so a write may be retried safely (PayPal replays the first answer)."""

from __future__ import annotations

from typing import Any, Final, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from shop_adapters.payments.http import ProviderHttp, read_model
from shop_adapters.payments.providers.paypal.config import PayPalConfig
from shop_adapters.payments.providers.paypal.payloads import (
    Capture,
    ErrorResponse,
    Order,
    Refund,
    Verification,
)
from shop_adapters.payments.providers.paypal.token import PROVIDER, PayPalToken
from shop_domain.ports.clock import Clock

FULLY_REFUNDED: Final = "CAPTURE_FULLY_REFUNDED"
_Model = TypeVar("_Model", bound=BaseModel)


class PayPalApi:
    def __init__(self, client: httpx.AsyncClient, config: PayPalConfig, clock: Clock) -> None:
        self._http = ProviderHttp(client, PROVIDER)
        self._base = config.base_url
        auth = httpx.BasicAuth(config.client_id, config.client_secret)
        self._token = PayPalToken(self._http, self._base, auth, clock)

    async def create_order(self, body: dict[str, Any], request_id: str) -> Order:
        response = await self._send("POST", "/v2/checkout/orders", request_id, json=body)
        return _read(response, Order)

    async def order(self, order_id: str) -> Order | None:
        """`order_id` must already match `payloads.RESOURCE_ID`."""
        return await self._get(f"/v2/checkout/orders/{order_id}", Order)

    async def capture(self, order_id: str) -> Order | None:
        """Capture an approved order. `None`: PayPal knows no such order. A 422 (captured
        already, or not capturable, e.g. a declined card) reads the order back as it is."""
        path = f"/v2/checkout/orders/{order_id}/capture"
        response = await self._send("POST", path, f"capture:{order_id}", json={})
        if response.status_code == httpx.codes.NOT_FOUND:
            return None
        if response.status_code == httpx.codes.UNPROCESSABLE_ENTITY:
            return await self.order(order_id)
        return _read(response, Order)

    async def capture_of(self, capture_id: str) -> Capture | None:
        return await self._get(f"/v2/payments/captures/{capture_id}", Capture)

    async def refund(self, capture_id: str, body: dict[str, Any], request_id: str) -> Refund | None:
        """`None`: the capture was refunded in full already (by us, or in the dashboard)."""
        path = f"/v2/payments/captures/{capture_id}/refund"
        response = await self._send("POST", path, request_id, json=body)
        if response.status_code == httpx.codes.UNPROCESSABLE_ENTITY and (
            FULLY_REFUNDED in _error_name(response).split()
        ):
            return None
        return _read(response, Refund)

    async def verify(self, body: bytes) -> bool:
        """`body` is prebuilt so the event inside it stays byte-for-byte as received."""
        headers = {"Content-Type": "application/json"}
        path = "/v1/notifications/verify-webhook-signature"
        response = await self._send("POST", path, None, content=body, headers=headers)
        return _read(response, Verification).verification_status == "SUCCESS"

    async def _get(self, path: str, model: type[_Model]) -> _Model | None:
        response = await self._send("GET", path, None)
        return None if response.status_code == httpx.codes.NOT_FOUND else _read(response, model)

    async def _send(
        self, method: str, path: str, request_id: str | None, **options: Any
    ) -> httpx.Response:
        headers = dict(options.pop("headers", {}))
        if request_id is not None:
            headers |= {"PayPal-Request-Id": request_id, "Prefer": "return=representation"}
        for attempt in range(2):  # once more with a fresh token if PayPal revoked ours
            headers["Authorization"] = f"Bearer {await self._token.bearer()}"
            response = await self._http.send(
                method, f"{self._base}{path}", idempotent=True, headers=headers, **options
            )
            if response.status_code != httpx.codes.UNAUTHORIZED or attempt:
                return response
            self._token.invalidate()
        raise AssertionError("unreachable")  # pragma: no cover


def _read(response: httpx.Response, model: type[_Model]) -> _Model:
    return read_model(PROVIDER, response, model, _error_name)


def _error_name(response: httpx.Response) -> str:
    try:
        error = ErrorResponse.model_validate_json(response.content)
    except ValidationError:
        return "error"
    return " ".join([error.name, *(detail.issue for detail in error.details)])
