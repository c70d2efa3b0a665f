"""The bot harness for admin flows: a session that also answers sendDocument, an admin
with a language, and a customer who took the trial through the bot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.methods import SendDocument, TelegramMethod
from aiogram.types import BufferedInputFile

from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from tests.fakes.telegram import BOT_USER, FakeTelegramSession
from tests.fakes.telegram.replies import DATE, StoredMessage
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.wiring import ADMIN_ID

CUSTOMER = 500
STRANGER = 9


@dataclass(frozen=True, slots=True)
class SentDocument:
    chat_id: int
    filename: str
    content: bytes
    caption: str | None


class AdminSession(FakeTelegramSession):
    """Answers sendDocument like Telegram does (a Message with a document)."""

    def _result(self, method: TelegramMethod[Any]) -> Any:
        if not isinstance(method, SendDocument):
            return super()._result(method)
        message_id = next(self._message_ids)
        chat_id = int(method.chat_id)
        self.messages[chat_id, message_id] = StoredMessage(None, method.caption, False, "null")
        document = {"file_id": "BQAD", "file_unique_id": "AgAD", "file_name": "file"}
        return {
            "message_id": message_id,
            "date": DATE,
            "chat": {"id": chat_id, "type": "private"},
            "from": dict(BOT_USER),
            "document": document,
            "caption": method.caption,
        }

    def documents(self) -> list[SentDocument]:
        sent = []
        for request in self.of_type(SendDocument):
            file = request.document
            assert isinstance(file, BufferedInputFile)
            sent.append(
                SentDocument(int(request.chat_id), file.filename or "", file.data, request.caption)
            )
        return sent


class AdminHarness(BotHarness):
    @property
    def admin_session(self) -> AdminSession:
        assert isinstance(self.session, AdminSession)
        return self.session

    async def open_admin(self, lang: str) -> None:
        await self.send(ADMIN_ID, "/admin", lang=lang)

    async def admin_tap(self, data: Any, lang: str) -> Any:
        return await self.tap(ADMIN_ID, data, lang=lang)

    async def admin_says(self, text: str, lang: str) -> Any:
        return await self.send(ADMIN_ID, text, lang=lang)

    async def customer_with_trial(self, user_id: int = CUSTOMER) -> None:
        await self.send(user_id, "/start", lang="en")
        await self.tap(user_id, MenuCallback(screen=Screen.TRIAL), lang="en")

    def admin_text(self, lang: str, message_id: str, **args: str | int) -> str:
        return self.text(lang, message_id, **args)


def admin_harness() -> AdminHarness:
    return AdminHarness(session=AdminSession())
