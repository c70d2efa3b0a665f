"""What every `payments.<provider>` section shares: strict parsing, `enabled` (off by
default), the values required once it is on, and the list types read from one env var.

A section names its values in `required_when_enabled`; an enabled section missing any of
them fails at start-up with `payments.<provider> is enabled but ... is not set`. Checks of
its own (a key that must match the mode) go in `_check_when_enabled`, which runs after.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator
from pydantic_settings import NoDecode

from shop_domain.model.money import supported_currencies
from shop_entrypoints.settings.parsing import comma_separated


def currency_list(value: object) -> object:
    """`"rub, usd"` -> ["RUB", "USD"]; each must be a currency `Money` knows."""
    value = comma_separated(value)
    if not isinstance(value, list):
        return value
    codes = [str(item).upper() for item in value]
    unknown = sorted(set(codes) - supported_currencies())
    if unknown:
        msg = f"unsupported currencies {unknown}; known: {sorted(supported_currencies())}"
        raise ValueError(msg)
    return codes


#: Currency codes, written `RUB,USD` or as a JSON list.
Currencies = Annotated[list[str], NoDecode, BeforeValidator(currency_list)]
#: Sender addresses or networks, written `1.2.3.4,5.6.0.0/16` or as a JSON list.
AddressList = Annotated[list[str], NoDecode, BeforeValidator(comma_separated)]


class ProviderSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    section: ClassVar[str] = "payments"
    required_when_enabled: ClassVar[tuple[str, ...]] = ()

    enabled: bool = False

    @model_validator(mode="after")
    def _check_enabled(self) -> Self:
        if not self.enabled:
            return self
        missing = [name for name in self.required_when_enabled if not getattr(self, name)]
        if missing:
            msg = f"{self.section} is enabled but {', '.join(missing)} is not set"
            raise ValueError(msg)
        self._check_when_enabled()
        return self

    def _check_when_enabled(self) -> None:
        """A section's own checks of an enabled provider; none by default."""
