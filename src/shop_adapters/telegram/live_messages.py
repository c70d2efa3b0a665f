"""Which Telegram message shows a live status (a broadcast's progress), so the notifier edits
it instead of sending another. Kept in the shared cache: any worker may send the next update."""

from __future__ import annotations

from shop_domain.ports.cache import Cache

LIVE_MESSAGE_TTL_SECONDS = 24 * 3600


class LiveMessageIds:
    def __init__(self, cache: Cache, *, ttl_seconds: int = LIVE_MESSAGE_TTL_SECONDS) -> None:
        self._cache = cache
        self._ttl = ttl_seconds

    async def get(self, key: str, chat_id: int) -> int | None:
        raw = await self._cache.get(self._key(key, chat_id))
        return None if raw is None or not raw.isdigit() else int(raw)

    async def remember(self, key: str, chat_id: int, message_id: int) -> None:
        await self._cache.set(self._key(key, chat_id), str(message_id).encode(), self._ttl)

    @staticmethod
    def _key(key: str, chat_id: int) -> str:
        return f"live-message:{chat_id}:{key}"
