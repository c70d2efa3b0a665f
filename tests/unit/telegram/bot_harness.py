"""The real dispatcher from build_dispatcher, over the in-memory store, the port fakes and
a fake Bot API session. Tests feed updates and read the requests the bot made."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardButton,
    InlineQuery,
    Message,
    PhotoSize,
    Sticker,
    Update,
    User,
)

from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.dispatcher import build_dispatcher
from shop_entrypoints.telegram.texts import Texts
from tests.fakes.telegram import BOT_USER, FakeTelegramSession
from tests.unit.fakes import T0
from tests.unit.telegram.counting_shop import CountingShop
from tests.unit.telegram.port_fakes import FakeCache, FakeRateLimiter
from tests.unit.telegram.wiring import default_config, use_cases

TEXTS = Texts()


@dataclass
class BotHarness:
    config: BotConfig = field(default_factory=default_config)
    shop: CountingShop = field(default_factory=CountingShop)
    session: FakeTelegramSession = field(default_factory=FakeTelegramSession)
    rate_limiter: FakeRateLimiter = field(default_factory=FakeRateLimiter)
    cache: FakeCache = field(default_factory=FakeCache)
    texts: Texts = TEXTS

    def __post_init__(self) -> None:
        self.bot = Bot("42:TEST", session=self.session)
        self.dispatcher: Dispatcher = build_dispatcher(
            storage=MemoryStorage(),
            rate_limiter=self.rate_limiter,
            texts=self.texts,
            config=self.config,
            use_cases=use_cases(self.shop),
            cache=self.cache,
        )
        self._ids = itertools.count(1)

    @staticmethod
    def user(user_id: int, lang: str | None) -> User:
        name = f"User{user_id}"
        return User(id=user_id, is_bot=False, first_name=name, language_code=lang)

    async def feed(self, **event: Any) -> Any:
        update = Update(update_id=next(self._ids), **event)
        return await self.dispatcher.feed_update(self.bot, update)

    async def send(self, user_id: int, text: str, lang: str | None = "en") -> Any:
        return await self.feed(message=self._message(user_id, lang, text=text))

    async def send_sticker(self, user_id: int, sticker: Sticker, lang: str | None = "en") -> Any:
        return await self.feed(message=self._message(user_id, lang, sticker=sticker))

    def _message(self, user_id: int, lang: str | None, **content: Any) -> Message:
        chat = Chat(id=user_id, type="private")
        user = self.user(user_id, lang)
        return Message(message_id=next(self._ids), date=T0, chat=chat, from_user=user, **content)

    def _bot_message(self, chat_id: int, message_id: int | None) -> Message:
        message_id = message_id or self.session.last_message_id(chat_id)
        if message_id is None:
            message_id = self.session.remember(chat_id, "An old screen")
        stored = self.session.messages[chat_id, message_id]
        photo = [PhotoSize(file_id="AgAD", file_unique_id="AQAD", width=512, height=512)]
        return Message(
            message_id=message_id,
            date=T0,
            chat=Chat(id=chat_id, type="private"),
            from_user=User(**BOT_USER),
            text=stored.text,
            caption=stored.caption,
            photo=photo if stored.photo else None,
        )

    async def tap(
        self,
        user_id: int,
        data: str | CallbackData,
        lang: str | None = "en",
        *,
        message_id: int | None = None,
    ) -> Any:
        callback = CallbackQuery(
            id=f"cb{next(self._ids)}",
            from_user=self.user(user_id, lang),
            chat_instance="chat-instance",
            message=self._bot_message(user_id, message_id),
            data=data if isinstance(data, str) else data.pack(),
        )
        return await self.feed(callback_query=callback)

    async def inline(self, user_id: int, query: str = "", lang: str | None = "en") -> Any:
        inline = InlineQuery(
            id=f"iq{next(self._ids)}", from_user=self.user(user_id, lang), query=query, offset=""
        )
        return await self.feed(inline_query=inline)

    def screens(self) -> list[str]:
        """Texts the user saw, in order: sent messages, edited texts and captions."""
        return self.session.screens()

    def last_screen(self) -> str:
        return self.screens()[-1]

    def keyboard(self) -> list[InlineKeyboardButton]:
        """The buttons of the last screen with a keyboard."""
        return self.session.keyboard()

    def buttons(self) -> list[str]:
        return [button.text for button in self.keyboard()]

    def notices(self) -> list[str | None]:
        return self.session.notices()

    def text(self, lang: str, message_id: str, **args: str | int) -> str:
        return self.texts.get(lang, message_id, **args)
