"""The `payments` section: which providers are on, the order of their buttons (roadmap 4.1),
each provider's settings, and how the reconciler re-asks about pending payments.

`SHOP_PAYMENTS__STRIPE__ENABLED=true` turns Stripe on; a provider is offered only for the
currencies it takes (PaymentGatewayRegistry.offered_for), in `button_order`.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_settings import NoDecode

from shop_entrypoints.settings.parsing import comma_separated
from shop_entrypoints.settings.payment_paypal import PayPalSettings
from shop_entrypoints.settings.payment_providers import (
    CryptoPaySettings,
    RobokassaSettings,
    StarsSettings,
    StripeSettings,
)
from shop_entrypoints.settings.payment_yookassa import YooKassaSettings

ProviderName = Literal["telegram_stars", "yookassa", "cryptopay", "stripe", "paypal", "robokassa"]
DEFAULT_BUTTON_ORDER: tuple[ProviderName, ...] = (
    "telegram_stars",
    "yookassa",
    "cryptopay",
    "stripe",
    "paypal",
    "robokassa",
)


class PaymentSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    button_order: Annotated[list[ProviderName], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_BUTTON_ORDER)
    )
    reconcile_after_minutes: int = Field(default=10, ge=1, le=24 * 60)
    reconcile_give_up_hours: int = Field(default=48, ge=1, le=30 * 24)
    reconcile_batch_size: int = Field(default=100, ge=1, le=1000)
    stars: StarsSettings = Field(default_factory=StarsSettings)
    cryptopay: CryptoPaySettings = Field(default_factory=CryptoPaySettings)
    stripe: StripeSettings = Field(default_factory=StripeSettings)
    robokassa: RobokassaSettings = Field(default_factory=RobokassaSettings)
    yookassa: YooKassaSettings = Field(default_factory=YooKassaSettings)
    paypal: PayPalSettings = Field(default_factory=PayPalSettings)

    @field_validator("button_order", mode="before")
    @classmethod
    def _split_order(cls, value: object) -> object:
        value = comma_separated(value)
        return [str(item).strip().lower() for item in value] if isinstance(value, list) else value

    @model_validator(mode="after")
    def _check(self) -> Self:
        if len(set(self.button_order)) != len(self.button_order):
            msg = f"button_order names a provider twice: {self.button_order}"
            raise ValueError(msg)
        if self.reconcile_give_up_hours * 60 < self.reconcile_after_minutes:
            msg = "reconcile_give_up_hours must not be shorter than reconcile_after_minutes"
            raise ValueError(msg)
        return self

    @property
    def enabled(self) -> tuple[str, ...]:
        """Enabled providers, in button order (those missing from it follow, by name)."""
        switches = {
            "telegram_stars": self.stars.enabled,
            "cryptopay": self.cryptopay.enabled,
            "stripe": self.stripe.enabled,
            "robokassa": self.robokassa.enabled,
            "yookassa": self.yookassa.enabled,
            "paypal": self.paypal.enabled,
        }
        on = {name for name, enabled in switches.items() if enabled}
        ordered = [name for name in self.button_order if name in on]
        return (*ordered, *sorted(on - set(ordered)))
