"""The operator's business sections: `shop`, `rate_limit` and `referral`."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_settings import NoDecode

from shop_entrypoints.settings.parsing import comma_separated, days_map

Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
BonusDays = Annotated[int, Field(ge=0, le=3650)]


class ShopSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    currencies: Annotated[list[Currency], NoDecode] = Field(default=["RUB"], min_length=1)
    trial_enabled: bool = True
    trial_days: int = Field(default=3, ge=1, le=365)
    trial_traffic_limit_gb: int = Field(default=10, ge=0)  # 0 = unlimited
    trial_device_limit: int | None = Field(default=1, ge=0)  # empty = the panel's default
    trial_internal_squads: Annotated[list[str], NoDecode] = Field(default_factory=list)
    renewal_resets_traffic: bool = True
    checkout_ttl_minutes: int = Field(default=60, ge=1, le=7 * 24 * 60)
    require_terms: bool = False

    @field_validator("trial_internal_squads", mode="before")
    @classmethod
    def _split_squads(cls, value: object) -> object:
        return comma_separated(value)

    @field_validator("currencies", mode="before")
    @classmethod
    def _split_currencies(cls, value: object) -> object:
        value = comma_separated(value)
        return [item.upper() for item in value] if isinstance(value, list) else value


class RateLimitSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    enabled: bool = True
    max_requests: int = Field(default=20, ge=1)
    window_seconds: int = Field(default=60, ge=1)
    ban_seconds: int = Field(default=300, ge=0)
    admin_exempt: bool = True


class ReferralSettings(BaseModel):
    """Bonus days keyed by the purchased duration in days: `30:7,90:14`."""

    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    inviter_bonus_days: Annotated[dict[int, BonusDays], NoDecode] = Field(default_factory=dict)
    invitee_bonus_days: Annotated[dict[int, BonusDays], NoDecode] = Field(default_factory=dict)
    first_purchase_only: bool = False

    @field_validator("inviter_bonus_days", "invitee_bonus_days", mode="before")
    @classmethod
    def _parse_days(cls, value: object) -> object:
        return days_map(value)
