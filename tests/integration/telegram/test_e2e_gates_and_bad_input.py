"""End to end: the channel gate (getChatMember through the Bot API), the terms gate, and bad
input (unknown callback data, stale and forged buttons, foreign ids, text where a button or a
number is expected) that must leave the store and the panel untouched."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from shop_domain.model.ids import CustomerId
from shop_entrypoints.telegram.callbacks import (
    ChannelCheckCallback,
    MenuCallback,
    PayCallback,
    PlanCallback,
    RevokeCallback,
    Screen,
    TermsCallback,
)
from tests.integration.telegram.e2e_harness import E2EShop, running_shop, shop_settings

USER, OTHER = 100, 200
CHANNEL = -1001234567890


@pytest.fixture
async def gated(store_url: str) -> AsyncIterator[E2EShop]:
    settings = shop_settings(
        store_url,
        bot={"required_channel_id": CHANNEL, "required_channel_url": "https://t.me/shop_news"},
        shop={"require_terms": True},
    )
    async with running_shop(settings) as running:
        yield running


async def test_channel_then_terms_gate_the_menu(gated: E2EShop, lang: str) -> None:
    gated.session.chat_member_status[CHANNEL, USER] = "left"
    await gated.send(USER, "/start", lang=lang)
    assert gated.last_screen(USER) == gated.text(lang, "channel-required")
    await gated.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    assert gated.fake.users == {}

    await gated.tap(USER, ChannelCheckCallback(), lang=lang)
    assert gated.notices()[-1] == gated.text(lang, "channel-not-joined")

    gated.session.chat_member_status[CHANNEL, USER] = "member"
    await gated.tap(USER, ChannelCheckCallback(), lang=lang)
    assert gated.text(lang, "terms-required") in gated.screens(USER)[-2:]
    await gated.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    assert gated.fake.users == {}
    customer = await gated.customer(USER)
    assert customer is not None
    assert customer.terms_accepted_at is None

    await gated.tap(USER, TermsCallback(), lang=lang)
    customer = await gated.customer(USER)
    assert customer is not None
    assert customer.terms_accepted_at is not None
    await gated.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    assert gated.panel_user(USER).telegram_id == USER


async def test_unknown_and_forged_callback_data_change_nothing(shop: E2EShop, lang: str) -> None:
    await shop.send(USER, "/start", lang=lang)
    for forged in ("m:nowhere", "plan:basic:abc", "pay:basic:30", "nonsense", "sub:explode"):
        await shop.tap(USER, forged, lang=lang)
        assert shop.notices()[-1] == shop.text(lang, "stale-button"), forged
    await shop.tap(USER, PlanCallback(plan_id="retired"), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "error-plan_not_available")
    await shop.tap(USER, PayCallback(plan_id="retired", days=30, provider="telegram_stars"), lang)
    async with shop.uow() as uow:
        assert await uow.payments.list_for_customer(CustomerId(USER), 10) == []
    assert shop.fake.users == {}


async def test_foreign_ids_and_unexpected_text_change_nothing(shop: E2EShop, lang: str) -> None:
    await shop.send(USER, "/start", lang=lang)
    await shop.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    url = shop.fake.subscription_url(shop.panel_user(USER))

    await shop.send(OTHER, "/start", lang=lang)
    await shop.tap(OTHER, RevokeCallback(owner_id=USER), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "not-yours")
    await shop.tap(OTHER, "revoke:not-a-number", lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "stale-button")
    assert shop.fake.subscription_url(shop.panel_user(USER)) == url

    await shop.send(OTHER, "give me a VPN", lang=lang)  # text where buttons are expected
    assert shop.last_screen(OTHER) == shop.text(lang, "unknown-message")
    assert [u.telegram_id for u in shop.fake.users.values()] == [USER]
