"""The /start parameter: referral, promo code or ad campaign attribution."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

_PAYLOAD = re.compile(r"^(ref|promo|c)_([A-Za-z0-9_-]{1,60})$")


class DeepLinkKind(enum.StrEnum):
    REFERRAL = "ref"
    PROMO = "promo"
    CAMPAIGN = "c"


@dataclass(frozen=True, slots=True)
class DeepLink:
    kind: DeepLinkKind
    value: str

    @classmethod
    def parse(cls, payload: str | None) -> DeepLink | None:
        """`ref_<code>`, `promo_<code>` or `c_<code>`; anything else is ignored (None)."""
        if not payload:
            return None
        match = _PAYLOAD.match(payload.strip())
        if match is None:
            return None
        return cls(DeepLinkKind(match.group(1)), match.group(2))

    def render(self) -> str:
        return f"{self.kind.value}_{self.value}"
