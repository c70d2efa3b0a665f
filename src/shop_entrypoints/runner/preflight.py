"""Start-up checks that stop `shop run` with a message an operator can act on."""

from __future__ import annotations

from typing import Protocol

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError
from aiogram.types import User

from shop_domain.errors import (
    VpnPanelAuthError,
    VpnPanelUnavailableError,
    VpnPanelUnsupportedError,
)

logger = structlog.get_logger(__name__)


class StartupError(Exception):
    """The shop cannot start; the message says why and what to change."""


async def check_bot(bot: Bot) -> User:
    try:
        me = await bot.me()
    except TelegramUnauthorizedError:
        msg = "Telegram rejected the bot token: check SHOP_TELEGRAM__BOT_TOKEN with @BotFather"
        raise StartupError(msg) from None
    except TelegramNetworkError as error:
        msg = f"cannot reach the Telegram Bot API ({type(error).__name__}): check the network"
        msg += " or SHOP_TELEGRAM__API_SERVER_URL"
        raise StartupError(msg) from None
    if not me.username:
        raise StartupError("the Bot API returned a bot without a username")
    logger.info("bot_identified", bot_id=me.id, username=me.username)
    return me


class StartablePanel(Protocol):
    """What preflight needs of the panel adapter: `start()` detects its API dialect."""

    async def start(self) -> object: ...


async def check_panel(panel: StartablePanel) -> None:
    """A rejected token or an unsupported panel stops start-up; an unreachable panel does
    not (the bot still serves what the database knows, and the adapter retries later)."""
    try:
        await panel.start()
    except VpnPanelAuthError:
        msg = "the Remnawave panel rejected the API token: check SHOP_PANEL__API_TOKEN"
        msg += " (Settings -> API tokens), SHOP_PANEL__COOKIE and SHOP_PANEL__API_KEY"
        raise StartupError(msg) from None
    except VpnPanelUnsupportedError as error:
        raise StartupError(f"the Remnawave panel is not supported: {error}") from None
    except VpnPanelUnavailableError as error:
        logger.warning("panel_unreachable_at_start", error_code=error.code)
