"""Ad campaigns: customers are attributed by the /start parameter they arrive with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from shop_domain.errors import InvalidCampaignError
from shop_domain.model.ids import CampaignId
from shop_domain.model.money import Money

_CODE = re.compile(r"^[A-Za-z0-9_-]{1,48}$")


@dataclass(frozen=True, slots=True)
class AdCampaign:
    id: CampaignId
    code: str  # used in the deep link: t.me/bot?start=c_<code>
    name: str
    created_at: datetime
    is_active: bool = True

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise InvalidCampaignError("a campaign code is 1-48 letters, digits, _ or -")


@dataclass(frozen=True, slots=True)
class CampaignStats:
    campaign: AdCampaign
    starts: int
    trials: int
    purchases: int
    revenue: tuple[Money, ...]  # one entry per currency
