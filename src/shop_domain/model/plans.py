"""The plan catalogue: plans, their durations and prices, and the trial offer."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from shop_domain.errors import InvalidPlanError, PriceNotAvailableError
from shop_domain.model.ids import PlanId
from shop_domain.model.money import Money

GIB = 1024**3


class TrafficResetStrategy(enum.StrEnum):
    """When the panel resets used traffic (the panel's own names)."""

    NO_RESET = "NO_RESET"
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    MONTH_ROLLING = "MONTH_ROLLING"


class PlanVisibility(enum.StrEnum):
    EVERYONE = "everyone"
    NEW_CUSTOMERS = "new_customers"  # customers who never paid
    EXISTING_CUSTOMERS = "existing_customers"  # customers who paid at least once
    HIDDEN = "hidden"  # only reachable by an operator or a direct link


@dataclass(frozen=True, slots=True)
class AccessLimits:
    """What a subscription grants on the panel, besides its expiry."""

    traffic_limit_bytes: int = 0  # 0 = unlimited
    traffic_reset: TrafficResetStrategy = TrafficResetStrategy.NO_RESET
    device_limit: int | None = None  # None = the panel's default; 0 = unlimited
    internal_squads: tuple[str, ...] = ()
    external_squad: str | None = None

    def __post_init__(self) -> None:
        if self.traffic_limit_bytes < 0:
            raise InvalidPlanError("traffic limit cannot be negative")
        if self.device_limit is not None and self.device_limit < 0:
            raise InvalidPlanError("device limit cannot be negative")


@dataclass(frozen=True, slots=True)
class DurationOption:
    """One purchasable duration of a plan with its price in each accepted currency."""

    days: int
    prices: Mapping[str, Money]

    def __post_init__(self) -> None:
        if self.days <= 0:
            raise InvalidPlanError("a duration must be at least one day")
        for currency, price in self.prices.items():
            if price.currency != currency or not price.is_positive:
                raise InvalidPlanError(f"bad {currency} price for {self.days} days")

    def price_in(self, currency: str) -> Money:
        try:
            return self.prices[currency]
        except KeyError:
            raise PriceNotAvailableError(f"no {currency} price for {self.days} days") from None


@dataclass(frozen=True, slots=True)
class Plan:
    id: PlanId
    name: str
    durations: tuple[DurationOption, ...]
    limits: AccessLimits = field(default_factory=AccessLimits)
    visibility: PlanVisibility = PlanVisibility.EVERYONE
    description: str = ""
    sort_order: int = 0

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidPlanError("a plan needs a name")
        days = [option.days for option in self.durations]
        if len(days) != len(set(days)):
            raise InvalidPlanError("a plan lists each duration once")

    def duration(self, days: int) -> DurationOption:
        for option in self.durations:
            if option.days == days:
                return option
        raise PriceNotAvailableError(f"plan {self.id} has no {days}-day option")

    def price(self, days: int, currency: str) -> Money:
        return self.duration(days).price_in(currency)

    def currencies(self) -> frozenset[str]:
        return frozenset(c for option in self.durations for c in option.prices)

    def is_visible_to(self, *, has_paid_before: bool) -> bool:
        """Whether the catalogue shows this plan to a customer."""
        if self.visibility is PlanVisibility.HIDDEN:
            return False
        if self.visibility is PlanVisibility.NEW_CUSTOMERS:
            return not has_paid_before
        if self.visibility is PlanVisibility.EXISTING_CUSTOMERS:
            return has_paid_before
        return True


@dataclass(frozen=True, slots=True)
class TrialOffer:
    """The free trial: its own duration, limits and squads."""

    enabled: bool
    days: int
    limits: AccessLimits = field(default_factory=AccessLimits)

    def __post_init__(self) -> None:
        if self.enabled and self.days <= 0:
            raise InvalidPlanError("an enabled trial lasts at least one day")
