"""End to end, on a real store and the real panel adapter: /start, the trial, My subscription
(status, traffic, devices, link, QR, guides, revoke-and-reissue), devices, language."""

from __future__ import annotations

import asyncio

from aiogram.methods import SendPhoto

from shop_domain.model.customers import Language
from shop_domain.model.plans import GIB
from shop_domain.services.core.manage_devices import device_token
from shop_entrypoints.telegram.callbacks import (
    DeviceCallback,
    LanguageCallback,
    MenuCallback,
    RevokeCallback,
    Screen,
    SubscriptionAction,
    SubscriptionCallback,
)
from shop_entrypoints.telegram.formatting import format_date
from tests.integration.telegram.e2e_harness import TRIAL_SQUAD, E2EShop

USER, OTHER = 100, 200
MY_SUBSCRIPTION = MenuCallback(screen=Screen.SUBSCRIPTION)


def _sub(action: SubscriptionAction) -> SubscriptionCallback:
    return SubscriptionCallback(action=action)


async def test_start_and_trial_create_the_panel_user(shop: E2EShop, lang: str) -> None:
    await shop.send(USER, "/start", lang=lang)
    assert shop.text(lang, "welcome-new", name=f"User{USER}") in shop.screens(USER)
    customer = await shop.customer(USER)
    assert customer is not None
    assert customer.language is Language(lang)

    await shop.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)

    subscription = await shop.subscription(USER)
    assert subscription is not None
    assert subscription.is_trial
    user = shop.panel_user(USER)
    assert (
        user.expire_at == subscription.expires_at.replace(microsecond=0)
        or abs((user.expire_at - subscription.expires_at).total_seconds()) < 1
    )
    assert user.squads == [TRIAL_SQUAD]
    assert user.traffic_limit_bytes == 10 * GIB
    assert user.hwid_device_limit == 1
    assert subscription.subscription_url == shop.fake.subscription_url(user)
    date = format_date(subscription.expires_at, Language(lang))
    assert shop.last_screen(USER) == shop.text(
        lang, "trial-started", date=date, url=subscription.subscription_url
    )

    await shop.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "error-trial_already_used")
    assert len(shop.fake.users) == 1


async def test_a_concurrent_double_tap_makes_one_trial(shop: E2EShop, lang: str) -> None:
    await shop.send(USER, "/start", lang=lang)
    trial = MenuCallback(screen=Screen.TRIAL)
    await asyncio.gather(shop.tap(USER, trial, lang=lang), shop.tap(USER, trial, lang=lang))
    assert len(shop.fake.users) == 1
    assert shop.text(lang, "error-trial_already_used") in shop.notices()


async def test_a_panel_outage_is_explained_and_loses_nothing(shop: E2EShop, lang: str) -> None:
    await _with_trial(shop, lang)
    url = shop.fake.subscription_url(shop.panel_user(USER))
    shop.fake.fail_next("POST", "/api/users/*", status=503, times=5)
    await shop.tap(USER, RevokeCallback(owner_id=USER), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "error-vpn_panel_error")
    subscription = await shop.subscription(USER)
    assert subscription is not None
    assert subscription.subscription_url == url


async def _with_trial(shop: E2EShop, lang: str, user_id: int = USER) -> None:
    await shop.send(user_id, "/start", lang=lang)
    await shop.tap(user_id, MenuCallback(screen=Screen.TRIAL), lang=lang)


async def test_my_subscription_reads_traffic_and_devices_from_the_panel(
    shop: E2EShop, lang: str
) -> None:
    await _with_trial(shop, lang)
    user = shop.panel_user(USER)
    shop.fake.set_traffic(user.id, 3 * GIB)
    shop.fake.add_device(user.id, "hw-1", platform="iOS", device_model="iPhone")

    await shop.tap(USER, MY_SUBSCRIPTION, lang=lang)

    screen = shop.last_screen(USER)
    subscription = await shop.subscription(USER)
    assert subscription is not None
    status = shop.text(lang, "status-trial")
    date = format_date(subscription.expires_at, Language(lang))
    assert screen.startswith(shop.text(lang, "sub-overview", status=status, date=date, days=3))
    assert shop.text(lang, "sub-traffic", used="3", limit="10") in screen
    assert shop.text(lang, "sub-devices-connected", count=1, limit=1) in screen
    assert shop.text(lang, "sub-link", url=shop.fake.subscription_url(user)) in screen
    assert shop.text(lang, "sub-panel-down") not in screen

    await shop.tap(USER, _sub(SubscriptionAction.QR), lang=lang)
    photo = shop.session.of_type(SendPhoto)[-1]
    assert photo.caption == shop.text(lang, "qr-caption")

    await shop.tap(USER, _sub(SubscriptionAction.GUIDES), lang=lang)
    assert shop.last_screen(USER) == shop.text(lang, "guides-title")
    assert [b.url for b in shop.keyboard() if b.url] == ["https://guides.test/android"]


async def test_revoke_reissues_the_link_on_the_panel(shop: E2EShop, lang: str) -> None:
    await _with_trial(shop, lang)
    old_url = shop.fake.subscription_url(shop.panel_user(USER))

    await shop.tap(USER, _sub(SubscriptionAction.REVOKE), lang=lang)
    assert shop.last_screen(USER) == shop.text(lang, "revoke-confirm")
    await shop.tap(OTHER, RevokeCallback(owner_id=USER), lang=lang)  # someone else's button
    assert shop.notices()[-1] == shop.text(lang, "not-yours")
    assert shop.fake.subscription_url(shop.panel_user(USER)) == old_url

    await shop.tap(USER, RevokeCallback(owner_id=USER), lang=lang)

    user = shop.panel_user(USER)
    new_url = shop.fake.subscription_url(user)
    assert new_url != old_url
    assert user.sub_revoked_at is not None
    subscription = await shop.subscription(USER)
    assert subscription is not None
    assert subscription.subscription_url == new_url
    assert shop.last_screen(USER) == shop.text(lang, "revoke-done", url=new_url)


async def test_devices_list_and_disconnect_delete_the_panel_device(
    shop: E2EShop, lang: str
) -> None:
    await _with_trial(shop, lang)
    user = shop.panel_user(USER)
    shop.fake.add_device(user.id, "hw-1", platform="Android", device_model="Pixel")

    await shop.tap(USER, _sub(SubscriptionAction.DEVICES), lang=lang)
    assert shop.last_screen(USER).startswith(shop.text(lang, "devices-title", count=1, limit=1))

    await shop.tap(OTHER, DeviceCallback(owner_id=USER, token=device_token("hw-1")), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "not-yours")
    assert (user.id, "hw-1") in shop.fake.devices

    await shop.tap(USER, DeviceCallback(owner_id=USER, token=device_token("hw-1")), lang=lang)
    assert (user.id, "hw-1") not in shop.fake.devices
    assert shop.notices()[-1] == shop.text(lang, "device-disconnected", name="Pixel · Android")

    await shop.tap(USER, DeviceCallback(owner_id=USER, token=device_token("hw-1")), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "stale-button")


async def test_language_switch_is_stored_and_used(shop: E2EShop, lang: str) -> None:
    other = "en" if lang == "ru" else "ru"
    await shop.send(USER, "/start", lang=lang)
    await shop.tap(USER, MenuCallback(screen=Screen.LANGUAGE), lang=lang)
    assert shop.last_screen(USER) == shop.text(lang, "language-title")

    await shop.tap(USER, LanguageCallback(language=Language(other)), lang=lang)

    customer = await shop.customer(USER)
    assert customer is not None
    assert customer.language is Language(other)
    assert shop.notices()[-1] == shop.text(other, "language-changed")
    assert shop.last_screen(USER) == shop.text(other, "menu-title")
    await shop.tap(USER, MY_SUBSCRIPTION, lang=lang)  # Telegram's language no longer matters
    assert shop.last_screen(USER) == shop.text(other, "sub-none")
