"""The OAuth2 client-credentials token: fetched once, shared, renewed a minute before expiry.

One lock keeps concurrent webhooks from all fetching a token at the same moment. A 401 from
another endpoint means PayPal revoked it early: `invalidate()` drops it for the next call.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Final

import httpx
from pydantic import ValidationError

from shop_adapters.payments.http import ProviderHttp, provider_error
from shop_adapters.payments.providers.paypal.payloads import Token
from shop_domain.ports.clock import Clock

PROVIDER: Final = "paypal"
_MARGIN: Final = timedelta(seconds=60)


class PayPalToken:
    def __init__(self, http: ProviderHttp, base_url: str, auth: httpx.BasicAuth, clock: Clock):
        self._http = http
        self._url = f"{base_url}/v1/oauth2/token"
        self._auth = auth
        self._clock = clock
        self._lock = asyncio.Lock()
        self._token: str | None = None
        self._expires_at: datetime | None = None

    async def bearer(self) -> str:
        async with self._lock:
            if (
                self._token is None
                or self._expires_at is None
                or self._clock.now() >= (self._expires_at)
            ):
                self._token, self._expires_at = await self._fetch()
            return self._token

    def invalidate(self) -> None:
        self._token = None

    async def _fetch(self) -> tuple[str, datetime]:
        response = await self._http.send(
            "POST",
            self._url,
            idempotent=True,  # asking for a token changes nothing
            auth=self._auth,
            data={"grant_type": "client_credentials"},
        )
        if not response.is_success:
            raise provider_error(PROVIDER, response, "token refused")
        try:
            token = Token.model_validate_json(response.content)
        except ValidationError as error:
            raise provider_error(PROVIDER, response, "unexpected token body") from error
        lifetime = max(timedelta(seconds=token.expires_in) - _MARGIN, timedelta(0))
        return token.access_token, self._clock.now() + lifetime
