from aiogram.methods import EditMessageCaption, SendPhoto
from aiogram.types import BufferedInputFile

from shop_domain.model.ids import CustomerId, PanelUserRef
from shop_domain.model.subscriptions import Subscription
from shop_domain.services.core.manage_devices import device_token
from shop_entrypoints.telegram.callbacks import (
    DeviceCallback,
    MenuCallback,
    RevokeCallback,
    Screen,
    SubscriptionAction,
    SubscriptionCallback,
)
from tests.unit.telegram.bot_harness import BotHarness

USER, OTHER = 100, 200
MY_SUBSCRIPTION = MenuCallback(screen=Screen.SUBSCRIPTION)


async def _with_trial(bot: BotHarness, lang: str, user: int = USER) -> Subscription:
    await bot.send(user, "/start", lang=lang)
    await bot.tap(user, MenuCallback(screen=Screen.TRIAL), lang=lang)
    return next(
        s for s in bot.shop.store.state.subscriptions.values() if s.customer_id == CustomerId(user)
    )


def _ref(subscription: Subscription) -> PanelUserRef:
    assert subscription.panel_user_ref is not None
    return subscription.panel_user_ref


async def test_no_subscription_yet(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MY_SUBSCRIPTION, lang=lang)
    assert bot.last_screen() == bot.text(lang, "sub-none")
    assert bot.text(lang, "btn-qr") not in bot.buttons()


async def test_overview_shows_status_usage_limits_and_link(bot: BotHarness, lang: str) -> None:
    subscription = await _with_trial(bot, lang)
    await bot.tap(USER, MY_SUBSCRIPTION, lang=lang)

    screen = bot.last_screen()
    assert bot.text(lang, "status-trial") in screen
    assert bot.text(lang, "sub-traffic", used="0", limit="10") in screen
    assert bot.text(lang, "sub-link", url=str(subscription.subscription_url)) in screen
    assert bot.text(lang, "sub-panel-down") not in screen
    assert "get_user" in bot.shop.panel.calls


async def test_panel_down_shows_stored_state_with_a_note(bot: BotHarness, lang: str) -> None:
    subscription = await _with_trial(bot, lang)
    bot.shop.panel.down = True
    await bot.tap(USER, MY_SUBSCRIPTION, lang=lang)

    screen = bot.last_screen()
    assert bot.text(lang, "sub-panel-down") in screen
    assert bot.text(lang, "sub-traffic-limit", limit="10") in screen
    assert str(subscription.subscription_url) in screen


async def test_qr_code_is_a_png_of_the_link_and_back_edits_its_caption(
    bot: BotHarness, lang: str
) -> None:
    await _with_trial(bot, lang)
    calls = len(bot.shop.panel.calls)
    await bot.tap(USER, SubscriptionCallback(action=SubscriptionAction.QR), lang=lang)

    (photo,) = bot.session.of_type(SendPhoto)
    assert isinstance(photo.photo, BufferedInputFile)
    assert photo.photo.data.startswith(b"\x89PNG")
    assert photo.caption == bot.text(lang, "qr-caption")
    assert len(bot.shop.panel.calls) == calls  # the stored link, no panel call

    await bot.tap(USER, MY_SUBSCRIPTION, lang=lang)  # "Back" under the photo
    assert len(bot.session.of_type(EditMessageCaption)) == 1


async def test_connection_guides_come_from_the_config(bot: BotHarness, lang: str) -> None:
    await _with_trial(bot, lang)
    await bot.tap(USER, SubscriptionCallback(action=SubscriptionAction.GUIDES), lang=lang)
    assert bot.last_screen() == bot.text(lang, "guides-title")
    assert [b.url for b in bot.keyboard()][:2] == [
        "https://guides.test/android",
        "https://guides.test/ios",
    ]


async def test_revoke_asks_first_then_issues_a_new_link(bot: BotHarness, lang: str) -> None:
    old = await _with_trial(bot, lang)
    await bot.tap(USER, SubscriptionCallback(action=SubscriptionAction.REVOKE), lang=lang)
    assert bot.last_screen() == bot.text(lang, "revoke-confirm")
    assert "revoke_subscription" not in bot.shop.panel.calls

    await bot.tap(USER, RevokeCallback(owner_id=USER), lang=lang)
    new_url = bot.shop.store.state.subscriptions[old.id].subscription_url
    assert new_url is not None
    assert new_url != old.subscription_url
    assert bot.last_screen() == bot.text(lang, "revoke-done", url=new_url)


async def test_someone_elses_revoke_button_does_nothing(bot: BotHarness, lang: str) -> None:
    await _with_trial(bot, lang)
    await _with_trial(bot, lang, user=OTHER)
    await bot.tap(OTHER, RevokeCallback(owner_id=USER), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "not-yours")
    assert "revoke_subscription" not in bot.shop.panel.calls


async def test_revoke_with_the_panel_down_is_explained(bot: BotHarness, lang: str) -> None:
    await _with_trial(bot, lang)
    bot.shop.panel.down = True
    await bot.tap(USER, RevokeCallback(owner_id=USER), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "error-vpn_panel_error")


async def test_devices_list_and_disconnect(bot: BotHarness, lang: str) -> None:
    ref = _ref(await _with_trial(bot, lang))
    bot.shop.device_panel.plug(ref, "hw-1", "iOS")
    bot.shop.device_panel.plug(ref, "hw-2", "Android")

    await bot.tap(USER, SubscriptionCallback(action=SubscriptionAction.DEVICES), lang=lang)
    assert bot.last_screen().startswith(bot.text(lang, "devices-title-unlimited", count=2))

    await bot.tap(USER, DeviceCallback(owner_id=USER, token=device_token("hw-1")), lang=lang)
    assert [d.hwid for d in bot.shop.device_panel.devices[ref]] == ["hw-2"]
    assert bot.notices()[-1] == bot.text(lang, "device-disconnected", name="iOS phone · iOS")

    await bot.tap(USER, DeviceCallback(owner_id=USER, token=device_token("hw-1")), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "stale-button")


async def test_someone_elses_device_button_does_nothing(bot: BotHarness, lang: str) -> None:
    ref = _ref(await _with_trial(bot, lang))
    bot.shop.device_panel.plug(ref, "hw-1")
    await _with_trial(bot, lang, user=OTHER)

    forged = DeviceCallback(owner_id=USER, token=device_token("hw-1"))
    await bot.tap(OTHER, forged, lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "not-yours")
    # Even with their own id in the button, a token only matches the tapper's own devices.
    await bot.tap(OTHER, DeviceCallback(owner_id=OTHER, token=device_token("hw-1")), lang=lang)
    assert "delete_device" not in bot.shop.panel.calls
    assert len(bot.shop.device_panel.devices[ref]) == 1
