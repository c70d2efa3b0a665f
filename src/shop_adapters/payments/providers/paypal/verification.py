"""Is this webhook from PayPal, for our listener? Asked of PayPal itself (contract §5, A).

Before any call, the request must carry the five `PAYPAL-*` headers, `SHA256withRSA`, a
`cert_url` on an https `*.paypal.com` host (an attacker's own certificate is never passed
on), and a `transmission_time` no older than `max_age` (PayPal retries for 3 days) and at
most 5 minutes ahead. The body must be a JSON object. Then
`POST /v1/notifications/verify-webhook-signature` checks the RSA signature over
`transmission_id|transmission_time|webhook_id|crc32(body)` with *our* `webhook_id`. The
event goes into that request byte for byte as received: re-serialised JSON changes the CRC.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Final
from urllib.parse import urlsplit

from shop_adapters.payments.inbound import malformed_guard, require_header
from shop_adapters.payments.providers.paypal.api import PayPalApi
from shop_adapters.payments.providers.paypal.config import MAX_FUTURE_SKEW_SECONDS
from shop_domain.errors import NotificationUntrustedError
from shop_domain.ports.clock import Clock

AUTH_ALGO: Final = "SHA256withRSA"
HEADERS: Final = {
    "auth_algo": "paypal-auth-algo",
    "cert_url": "paypal-cert-url",
    "transmission_id": "paypal-transmission-id",
    "transmission_sig": "paypal-transmission-sig",
    "transmission_time": "paypal-transmission-time",
}
_MAX_HEADER: Final = 2048
_FUTURE_SKEW: Final = timedelta(seconds=MAX_FUTURE_SKEW_SECONDS)


class PayPalVerification:
    def __init__(self, api: PayPalApi, webhook_id: str, clock: Clock, max_age: timedelta):
        self._api = api
        self._webhook_id = webhook_id
        self._clock = clock
        self._max_age = max_age

    async def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        fields = {name: require_header(headers, header) for name, header in HEADERS.items()}
        self._check_headers(fields)
        with malformed_guard("PayPal event"):
            event = json.loads(body.decode("utf-8", errors="strict"))
            if not isinstance(event, dict):
                raise ValueError("the event is not a JSON object")
        envelope = json.dumps(fields | {"webhook_id": self._webhook_id})
        request = f'{envelope[:-1]}, "webhook_event": '.encode() + body + b"}"
        if not await self._api.verify(request):
            raise NotificationUntrustedError("PayPal did not verify the webhook signature")

    def _check_headers(self, fields: Mapping[str, str]) -> None:
        if any(len(value) > _MAX_HEADER or not value.isascii() for value in fields.values()):
            raise NotificationUntrustedError("PayPal transmission headers are not plain ASCII")
        if fields["auth_algo"] != AUTH_ALGO:
            raise NotificationUntrustedError(f"PayPal auth algorithm is not {AUTH_ALGO}")
        if not _on_paypal(fields["cert_url"]):
            raise NotificationUntrustedError("PayPal cert_url is not on a paypal.com host")
        try:
            sent = datetime.fromisoformat(fields["transmission_time"])
        except ValueError:
            raise NotificationUntrustedError("PayPal transmission time is unreadable") from None
        if sent.tzinfo is None:
            raise NotificationUntrustedError("PayPal transmission time has no time zone")
        now = self._clock.now()
        if not now - self._max_age <= sent <= now + _FUTURE_SKEW:
            raise NotificationUntrustedError("PayPal transmission time outside the window")


def _on_paypal(url: str) -> bool:
    """Pinned: an https URL whose host is paypal.com or one of its subdomains."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    return parts.scheme == "https" and (host == "paypal.com" or host.endswith(".paypal.com"))
