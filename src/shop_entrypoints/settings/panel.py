"""The `panel` section: where the Remnawave panel is and how to get past its guards."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, SecretStr, field_validator

_COOKIE_PATTERN = re.compile(r"^([A-Za-z0-9_.-]+)[=:](.+)$")
_PANEL_WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9]{32,}$")


class PanelSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    url: AnyHttpUrl
    api_token: SecretStr
    username_prefix: str = Field(default="tg_", pattern=r"^[A-Za-z0-9_-]{0,16}$")
    api_version: Literal["auto", "2", "3"] = "auto"
    cookie: SecretStr | None = None  # reverse-proxy cookie gate, "name=value"
    api_key: SecretStr | None = None  # Caddy / TinyAuth portal, sent as X-Api-Key
    webhook_secret: SecretStr | None = None  # the panel's WEBHOOK_SECRET_HEADER
    timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    max_connections: int = Field(default=10, ge=1, le=100)
    retry_attempts: int = Field(default=3, ge=1, le=10)  # idempotent calls only
    breaker_failure_threshold: int = Field(default=5, ge=1, le=100)
    breaker_cooldown_seconds: float = Field(default=30.0, ge=0, le=3600)

    @field_validator("cookie")
    @classmethod
    def _check_cookie(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _COOKIE_PATTERN.fullmatch(value.get_secret_value()):
            msg = "expected NAME=VALUE (or NAME:VALUE)"
            raise ValueError(msg)
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _PANEL_WEBHOOK_SECRET_PATTERN.fullmatch(
            value.get_secret_value()
        ):
            msg = "the panel requires at least 32 characters of A-Z, a-z and 0-9"
            raise ValueError(msg)
        return value

    def cookie_pair(self) -> tuple[str, str] | None:
        """The cookie gate as (name, value), or None when the panel has none."""
        if self.cookie is None:
            return None
        match = _COOKIE_PATTERN.fullmatch(self.cookie.get_secret_value())
        return (match.group(1), match.group(2)) if match else None
