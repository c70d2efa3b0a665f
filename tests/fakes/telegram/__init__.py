"""A fake Telegram Bot API at aiogram's session level (after aiogram's tests/mocked_bot.py)."""

from tests.fakes.telegram.session import BOT_USER, FakeTelegramSession, QueuedError

__all__ = ["BOT_USER", "FakeTelegramSession", "QueuedError"]
