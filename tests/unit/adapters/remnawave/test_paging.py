"""Walking every user: keyset pages (3.x) and offset pages with repeats dropped (2.x)."""

from __future__ import annotations

from typing import Any

import httpx

from shop_adapters.remnawave.circuit_breaker import CircuitBreaker
from shop_adapters.remnawave.config import BreakerPolicy, RetryPolicy
from shop_adapters.remnawave.paging import clamp_page_size, offset_pages, stream_pages
from shop_adapters.remnawave.transport import PanelHttp


def _user(n: int) -> dict[str, Any]:
    return {"id": n, "uuid": f"00000000-0000-4000-8000-{n:012d}", "username": f"u{n}",
            "shortUuid": f"s{n}", "status": "ACTIVE", "expireAt": "2026-09-01T00:00:00.000Z",
            "subscriptionUrl": f"https://sub/{n}"}  # fmt: skip


def _http(pages: list[dict[str, Any]], seen: list[httpx.Request]) -> PanelHttp:
    answers = iter(pages)

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"response": next(answers)})

    client = httpx.AsyncClient(transport=httpx.MockTransport(handle), base_url="https://p/api/")
    return PanelHttp(client, RetryPolicy(attempts=1), CircuitBreaker(BreakerPolicy()))


async def test_stream_pages_follow_the_cursor_until_has_more_is_false() -> None:
    seen: list[httpx.Request] = []
    http = _http(
        [
            {"users": [_user(1), _user(2)], "nextCursor": "2", "hasMore": True},
            {"users": [_user(5)], "nextCursor": None, "hasMore": False},
        ],
        seen,
    )

    pages = [page async for page in stream_pages(http, 2, {"telegramId": 9})]

    assert [[u.id for u in page] for page in pages] == [[1, 2], [5]]
    assert [dict(r.url.params) for r in seen] == [
        {"size": "2", "telegramId": "9"},
        {"size": "2", "telegramId": "9", "cursor": "2"},
    ]


async def test_offset_pages_drop_a_user_pushed_onto_the_next_page() -> None:
    seen: list[httpx.Request] = []
    http = _http(
        [
            {"users": [_user(3), _user(2)], "total": 3},
            # a user created meanwhile shifted the newest-first list by one
            {"users": [_user(2), _user(1)], "total": 4},
        ],
        seen,
    )

    pages = [page async for page in offset_pages(http, 2)]

    assert [[u.id for u in page] for page in pages] == [[3, 2], [1]]
    assert [r.url.params["start"] for r in seen] == ["0", "2"]  # start reached total: done


def test_page_size_stays_within_the_panel_limits() -> None:
    assert (clamp_page_size(0), clamp_page_size(500), clamp_page_size(5000)) == (1, 500, 1000)
