"""The `web` and `log` sections: the HTTP server for webhooks and metrics, and log output."""

from __future__ import annotations

from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, IPvAnyNetwork, field_validator

from shop_entrypoints.settings.parsing import comma_separated

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class WebSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    # All interfaces by default: in a container the reverse proxy reaches us from outside.
    host: str = "0.0.0.0"  # noqa: S104
    port: int = Field(default=8080, ge=1, le=65535)
    public_url: AnyHttpUrl | None = None  # how payment providers and the panel reach us
    # Reverse proxies whose X-Forwarded-For is believed; empty: the TCP peer is the client.
    trusted_proxies: tuple[IPvAnyNetwork, ...] = ()

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, value: object) -> object:
        return comma_separated(value)


class LogSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    level: LogLevel = "INFO"
    format: Literal["auto", "json", "console"] = "auto"  # auto: console on a TTY, else JSON

    @field_validator("level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value
