"""The `bot` section: what customers see around the screens. Support, terms and status links,
the required channel, connection guides per platform and the operator's text overrides."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, DirectoryPath, Field, field_validator, model_validator
from pydantic_settings import NoDecode

# Telegram URL buttons open http(s) and tg:// links.
ButtonUrl = Annotated[str, Field(pattern=r"^(https?|tg)://\S+$", max_length=2048)]
PLATFORM = re.compile(r"^[a-z0-9_]{1,24}$")


def platform_links(value: Any) -> Any:
    """`android=https://a, ios=https://b` or a JSON object -> {"android": ..., "ios": ...}."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("{"):
        return json.loads(text)
    links: dict[str, str] = {}
    for part in filter(None, (chunk.strip() for chunk in text.split(","))):
        platform, sep, url = part.partition("=")
        if not sep:
            msg = "expected PLATFORM=URL pairs separated by commas, e.g. android=https://..."
            raise ValueError(msg)
        links[platform.strip().lower()] = url.strip()
    return links


class BotSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    # Buttons under the main menu; each one is shown only when its link is set.
    support_url: ButtonUrl | None = None
    terms_url: ButtonUrl | None = None
    status_url: ButtonUrl | None = None
    # Customers must be members of this channel (the bot must be an admin there to see it).
    required_channel_id: int | None = Field(default=None, lt=0)
    required_channel_url: ButtonUrl | None = None
    # "How to connect" buttons, in this order: android, ios, windows, macos, linux, tv, ...
    guide_links: Annotated[dict[str, ButtonUrl], NoDecode] = Field(default_factory=dict)
    # A directory with ru.ftl / en.ftl whose messages replace the shipped texts (docs/texts.md).
    texts_dir: DirectoryPath | None = None

    @field_validator("guide_links", mode="before")
    @classmethod
    def _parse_guides(cls, value: object) -> object:
        return platform_links(value)

    @field_validator("guide_links")
    @classmethod
    def _check_platforms(cls, value: dict[str, str]) -> dict[str, str]:
        bad = [name for name in value if not PLATFORM.fullmatch(name)]
        if bad:
            msg = f"platform names are lowercase letters, digits and _: {', '.join(bad)}"
            raise ValueError(msg)
        return value

    @model_validator(mode="after")
    def _channel_url_needs_id(self) -> Self:
        if self.required_channel_url is not None and self.required_channel_id is None:
            msg = "required_channel_url is set but required_channel_id is not"
            raise ValueError(msg)
        return self
