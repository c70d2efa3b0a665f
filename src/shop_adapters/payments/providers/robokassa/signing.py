"""Robokassa signature bases, and how our payment id becomes a numeric `InvId`.

Bases (hex digest in the shop's algorithm, `Shp_*` as `key=value` sorted by key):
- checkout URL:  `MerchantLogin:OutSum:InvId:Password#1[:Shp_…]`
- ResultURL:     `OutSum:InvId:Password#2[:Shp_…]`, OutSum exactly as received
- OpStateExt:    `MerchantLogin:InvoiceID:Password#2`

`InvId` must be an integer in 1..2^31-1 and unique per shop, while our payment ids are
random hex strings. We derive it: the first 8 bytes of SHA-256(payment id) modulo 2^31-1,
plus one. It needs no storage and every party recomputes it, and our id also travels signed
as `Shp_payment_id`. The adapter returns it as `provider_payment_id`, which the database
keeps unique per provider. A new checkout collides with an earlier one with probability
n/2^31 (1 in 215,000 after 10,000 payments); it then fails before the customer sees a
link, and the retry gets a new payment id and so a new InvId. Nothing is ever credited to
the wrong payment. A database sequence would remove even that: see docs/payments.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Final

from shop_adapters.payments.signatures import digest_hex

MAX_INV_ID: Final = 2**31 - 1
PAYMENT_ID_FIELD: Final = "Shp_payment_id"


def invoice_id_for(payment_id: str) -> int:
    digest = hashlib.sha256(payment_id.encode()).digest()
    return int.from_bytes(digest[:8], "big") % MAX_INV_ID + 1


def shp_fields(fields: Mapping[str, str]) -> dict[str, str]:
    """The custom `Shp_*` fields (Robokassa matches the prefix case-insensitively)."""
    return {key: value for key, value in fields.items() if key.lower().startswith("shp_")}


def _with_shp(base: str, shp: Mapping[str, str]) -> str:
    return ":".join([base, *(f"{key}={shp[key]}" for key in sorted(shp))])


def checkout_signature(
    algorithm: str, login: str, out_sum: str, inv_id: str, password1: str, shp: Mapping[str, str]
) -> str:
    return digest_hex(algorithm, _with_shp(f"{login}:{out_sum}:{inv_id}:{password1}", shp))


def result_signature(
    algorithm: str, out_sum: str, inv_id: str, password2: str, shp: Mapping[str, str]
) -> str:
    return digest_hex(algorithm, _with_shp(f"{out_sum}:{inv_id}:{password2}", shp))


def op_state_signature(algorithm: str, login: str, inv_id: str, password2: str) -> str:
    return digest_hex(algorithm, f"{login}:{inv_id}:{password2}")
