"""The `bot` settings section as the bot's screens take it: BotConfig fields and the texts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from shop_entrypoints.telegram.texts import Texts


def screen_options(bot: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments of BotConfig: the menu's links, the channel gate and the guides."""
    return {
        "support_url": bot["support_url"],
        "terms_url": bot["terms_url"],
        "status_url": bot["status_url"],
        "required_channel_id": bot["required_channel_id"],
        "required_channel_url": bot["required_channel_url"],
        "guide_links": dict(bot["guide_links"]),
    }


def load_texts(bot: Mapping[str, Any]) -> Texts:
    """The shipped catalogue with the operator's `ru.ftl` / `en.ftl` overrides on top."""
    texts_dir = bot["texts_dir"]
    return Texts(None if texts_dir is None else Path(texts_dir))
