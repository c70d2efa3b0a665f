"""The `telegram` section: the bot's token, its admins and how updates reach it."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import NoDecode

from shop_entrypoints.settings.parsing import comma_separated

BOT_TOKEN_PATTERN = re.compile(r"^\d+:[A-Za-z0-9_-]{35}$")
_WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class TelegramSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    bot_token: SecretStr
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    api_server_url: AnyHttpUrl | None = None
    webhook_url: AnyHttpUrl | None = None
    webhook_secret: SecretStr | None = None
    max_concurrent_updates: int = Field(default=100, ge=1, le=10_000)
    default_language: Literal["ru", "en"] = "ru"
    # The admin log chat (a group or channel the bot may post in) and its forum topic.
    log_chat_id: int | None = None
    log_topic_id: int | None = Field(default=None, ge=1)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: object) -> object:
        return comma_separated(value)

    @field_validator("bot_token")
    @classmethod
    def _check_bot_token(cls, value: SecretStr) -> SecretStr:
        if not BOT_TOKEN_PATTERN.fullmatch(value.get_secret_value()):
            msg = "not a bot token from @BotFather (digits, a colon, 35 characters)"
            raise ValueError(msg)
        return value

    @field_validator("webhook_url")
    @classmethod
    def _require_https(cls, value: AnyHttpUrl | None) -> AnyHttpUrl | None:
        if value is not None and value.scheme != "https":
            msg = "Telegram delivers webhooks to https:// URLs only"
            raise ValueError(msg)
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _WEBHOOK_SECRET_PATTERN.fullmatch(value.get_secret_value()):
            msg = "1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's secret_token rule)"
            raise ValueError(msg)
        return value
