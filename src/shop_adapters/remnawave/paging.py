"""Reading many users: keyset pages on 3.x (`/users/stream`), offset pages on 2.x."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from shop_adapters.remnawave.schemas import (
    OffsetPagePayload,
    StreamPagePayload,
    UserPayload,
    parse,
)
from shop_adapters.remnawave.transport import PanelHttp

MAX_PAGE_SIZE = 1000  # the panel's own cap on `size`


def clamp_page_size(page_size: int) -> int:
    return max(1, min(page_size, MAX_PAGE_SIZE))


async def stream_pages(
    http: PanelHttp, page_size: int, filters: dict[str, Any] | None = None
) -> AsyncIterator[list[UserPayload]]:
    """3.x: ordered by id, stable under concurrent inserts; `filters` are exact matches."""
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"size": clamp_page_size(page_size), **(filters or {})}
        if cursor is not None:
            params["cursor"] = cursor
        payload = await http.call(
            "stream_users", "GET", "/users/stream", idempotent=True, params=params
        )
        page = parse(StreamPagePayload, payload, "stream_users")
        if page.users:
            yield page.users
        if not page.has_more or page.next_cursor is None:
            return
        cursor = page.next_cursor


async def offset_pages(http: PanelHttp, page_size: int) -> AsyncIterator[list[UserPayload]]:
    """2.x: `start`/`size` pages, newest first. A user created during the walk shifts the
    pages by one, so a user can come twice: those repeats are dropped here (the new user
    itself is seen by the next walk)."""
    size = clamp_page_size(page_size)
    start = 0
    seen: set[str] = set()
    while True:
        payload = await http.call(
            "list_users", "GET", "/users", idempotent=True, params={"start": start, "size": size}
        )
        page = parse(OffsetPagePayload, payload, "list_users")
        if not page.users:
            return
        fresh = [user for user in page.users if (user.uuid or user.username) not in seen]
        seen.update(user.uuid or user.username for user in page.users)
        if fresh:
            yield fresh
        start += len(page.users)
        if start >= page.total:
            return
