"""The YooKassa REST calls: Basic `shopId:secretKey`, JSON bodies, and `Idempotence-Key` on
every write, so a write may be retried safely (a 5xx means "result unknown": repeat with the
same key, as YooKassa's response-handling guide says)."""

from __future__ import annotations

import hashlib
from typing import Any, Final, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from shop_adapters.payments.http import ProviderHttp, read_model
from shop_adapters.payments.providers.yookassa.config import YooKassaConfig
from shop_adapters.payments.providers.yookassa.payloads import ErrorResponse, Payment, Refund

PROVIDER: Final = "yookassa"
MAX_KEY_LENGTH: Final = 64
_Model = TypeVar("_Model", bound=BaseModel)


def idempotence_key(wanted: str) -> str:
    """`wanted` itself if YooKassa takes it (at most 64 characters), else a digest of it."""
    if len(wanted) <= MAX_KEY_LENGTH and wanted.isascii():
        return wanted
    return hashlib.sha256(wanted.encode()).hexdigest()


class YooKassaApi:
    def __init__(self, client: httpx.AsyncClient, config: YooKassaConfig) -> None:
        self._http = ProviderHttp(client, PROVIDER)
        self._base = f"{config.api_base}/v3"
        self._auth = httpx.BasicAuth(config.shop_id, config.secret_key)

    async def create_payment(self, body: dict[str, Any], key: str) -> Payment:
        return _read(await self._post("/payments", body, key), Payment)

    async def payment(self, payment_id: str) -> Payment | None:
        """`payment_id` must already match `payloads.ObjectId`."""
        return await self._get(f"/payments/{payment_id}", Payment)

    async def create_refund(self, body: dict[str, Any], key: str) -> Refund:
        return _read(await self._post("/refunds", body, key), Refund)

    async def refund(self, refund_id: str) -> Refund | None:
        return await self._get(f"/refunds/{refund_id}", Refund)

    async def _get(self, path: str, model: type[_Model]) -> _Model | None:
        url = f"{self._base}{path}"
        response = await self._http.send("GET", url, idempotent=True, auth=self._auth)
        return None if response.status_code == httpx.codes.NOT_FOUND else _read(response, model)

    async def _post(self, path: str, body: dict[str, Any], key: str) -> httpx.Response:
        headers = {"Idempotence-Key": idempotence_key(key)}
        url = f"{self._base}{path}"
        return await self._http.send(
            "POST", url, idempotent=True, auth=self._auth, headers=headers, json=body
        )


def _read(response: httpx.Response, model: type[_Model]) -> _Model:
    return read_model(PROVIDER, response, model, _error_code)


def _error_code(response: httpx.Response) -> str:
    try:
        error = ErrorResponse.model_validate_json(response.content)
    except ValidationError:
        return "error"
    return f"{error.code} {error.parameter or ''}".strip()
