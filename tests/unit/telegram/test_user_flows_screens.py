"""The screens after /start in both languages: menu links, a paid subscription's overview,
the referral results and share card, and the channel gate's re-check."""

from dataclasses import replace

from aiogram.methods import AnswerInlineQuery, GetChatMember
from aiogram.types import InlineQueryResultArticle, InputTextMessageContent, SuccessfulPayment

from shop_domain.errors import VpnPanelUnavailableError
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId, PanelUserRef, PaymentId
from shop_domain.model.plans import GIB
from shop_domain.model.referrals import ReferralReward
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.vpn_panel import HwidDevice
from shop_entrypoints.telegram.callbacks import (
    ChannelCheckCallback,
    MenuCallback,
    PayCallback,
    Screen,
    SubscriptionAction,
    SubscriptionCallback,
)
from shop_entrypoints.telegram.formatting import format_date
from tests.unit.services.device_panel import FakeDevicePanel
from tests.unit.services.shop_harness import BASIC
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.counting_shop import CountingShop
from tests.unit.telegram.wiring import default_config

USER = 100
CHANNEL = -1005550
LINKS = {
    "support_url": "https://t.me/shop_support",
    "terms_url": "https://shop.test/terms",
    "status_url": "https://status.shop.test",
}


async def test_support_terms_and_status_links_under_the_menu(lang: str) -> None:
    bot = BotHarness(config=default_config(**LINKS))
    await bot.send(USER, "/start", lang=lang)

    urls = {button.text: button.url for button in bot.keyboard() if button.url}
    assert urls == {
        bot.text(lang, "btn-support"): LINKS["support_url"],
        bot.text(lang, "btn-terms"): LINKS["terms_url"],
        bot.text(lang, "btn-status"): LINKS["status_url"],
    }


async def test_links_that_are_not_configured_are_not_shown(lang: str) -> None:
    bot = BotHarness(config=default_config(support_url=None))
    await bot.send(USER, "/start", lang=lang)
    assert [button for button in bot.keyboard() if button.url] == []
    assert len(bot.keyboard()) == 6  # trial, buy, subscription, promo, referral, language


async def _paid(bot: BotHarness, lang: str) -> Subscription:
    """Buy Basic for 30 days with Stars, as a customer does, and let the worker provision."""
    await bot.shop.add_plan()
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, PayCallback(plan_id=BASIC, days=30, provider="stars"), lang=lang)
    (payment,) = bot.shop.store.state.payments.values()
    paid = SuccessfulPayment(
        currency="XTR",
        total_amount=150,
        invoice_payload=payment.id,
        telegram_payment_charge_id="charge-1",
        provider_payment_charge_id="",
    )
    await bot.feed(message=bot._message(USER, lang, successful_payment=paid))
    await bot.shop.run_queued_jobs()
    (subscription,) = bot.shop.store.state.subscriptions.values()
    assert subscription.panel_user_ref is not None
    return subscription


async def test_a_paid_subscription_shows_expiry_usage_and_devices(
    bot: BotHarness, lang: str
) -> None:
    subscription = await _paid(bot, lang)
    ref = subscription.panel_user_ref
    assert ref is not None
    panel_user = bot.shop.panel.users[ref]
    bot.shop.panel.users[ref] = replace(panel_user, used_traffic_bytes=int(2.5 * GIB))
    bot.shop.device_panel.plug(ref, "hw-1", "iOS")

    await bot.tap(USER, MenuCallback(screen=Screen.SUBSCRIPTION), lang=lang)

    screen = bot.last_screen()
    date = format_date(subscription.expires_at, Language(lang))
    header = bot.text(
        lang, "sub-overview", status=bot.text(lang, "status-active"), date=date, days=30
    )
    assert screen.startswith(header)
    assert bot.text(lang, "sub-traffic", used="2.5", limit="100") in screen
    assert bot.text(lang, "sub-devices-connected", count=1, limit=3) in screen
    assert bot.text(lang, "sub-link", url=panel_user.subscription_url) in screen
    assert bot.buttons()[:4] == [
        bot.text(lang, key) for key in ("btn-qr", "btn-guides", "btn-devices", "btn-revoke")
    ]


class NoDeviceListPanel(FakeDevicePanel):
    async def list_devices(self, ref: PanelUserRef) -> list[HwidDevice]:
        raise VpnPanelUnavailableError("the HWID endpoint timed out")


async def test_without_the_device_list_the_limit_is_shown(lang: str) -> None:
    bot = BotHarness(shop=CountingShop(panel=NoDeviceListPanel()))
    await _paid(bot, lang)
    await bot.tap(USER, MenuCallback(screen=Screen.SUBSCRIPTION), lang=lang)

    screen = bot.last_screen()
    assert bot.text(lang, "sub-devices", count=3) in screen
    assert bot.text(lang, "sub-traffic", used="0", limit="100") in screen
    assert bot.text(lang, "sub-panel-down") not in screen


async def test_guides_without_configured_links(lang: str) -> None:
    bot = BotHarness(config=default_config(guide_links={}))
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, SubscriptionCallback(action=SubscriptionAction.GUIDES), lang=lang)
    assert bot.last_screen() == bot.text(lang, "guides-empty")
    assert bot.buttons() == [bot.text(lang, "btn-back")]


async def test_guide_buttons_are_labelled_per_platform(lang: str) -> None:
    links = {"windows": "https://g.test/w", "tv": "https://g.test/tv", "router": "https://g.test/r"}
    bot = BotHarness(config=default_config(guide_links=links))
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, SubscriptionCallback(action=SubscriptionAction.GUIDES), lang=lang)
    assert [(b.text, b.url) for b in bot.keyboard()][:3] == [
        (bot.text(lang, "guide-windows"), "https://g.test/w"),
        (bot.text(lang, "guide-tv"), "https://g.test/tv"),
        ("router", "https://g.test/r"),  # no shipped label: the platform's name
    ]


async def test_the_referral_screen_counts_bonus_days_earned(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    code = bot.shop.store.state.customers[CustomerId(USER)].referral_code
    await bot.send(201, f"/start ref_{code}")
    async with bot.shop.uow() as uow:
        reward = ReferralReward(PaymentId("p-1"), CustomerId(USER), CustomerId(201), 7, 3)
        await uow.referral_rewards.add(reward)
        await uow.commit()

    await bot.tap(USER, MenuCallback(screen=Screen.REFERRAL), lang=lang)

    link = f"https://t.me/shop_test_bot?start=ref_{code}"
    assert bot.last_screen() == bot.text(lang, "referral-info", link=link, invited=1, days=7)
    assert bot.text(lang, "days-count", days=7) in bot.last_screen()


async def test_the_share_card_speaks_the_customers_language(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    link = bot.text(lang, "btn-inline-open")
    await bot.inline(USER, query="anything typed after @bot", lang=lang)

    (answer,) = bot.session.of_type(AnswerInlineQuery)
    (card,) = answer.results
    assert isinstance(card, InlineQueryResultArticle)
    assert card.title == bot.text(lang, "inline-share-title")
    assert card.description == bot.text(lang, "inline-share-description")
    assert isinstance(card.input_message_content, InputTextMessageContent)
    code = bot.shop.store.state.customers[CustomerId(USER)].referral_code
    referral = f"https://t.me/shop_test_bot?start=ref_{code}"
    text = bot.text(lang, "inline-share-text", link=referral)
    assert card.input_message_content.message_text == text
    assert card.reply_markup is not None
    (button,) = card.reply_markup.inline_keyboard[0]
    assert (button.text, button.url) == (link, referral)


async def test_someone_new_can_share_straight_from_inline_mode(lang: str) -> None:
    bot = BotHarness()
    await bot.inline(USER, lang=lang)  # never pressed /start
    customer = bot.shop.store.state.customers[CustomerId(USER)]
    (answer,) = bot.session.of_type(AnswerInlineQuery)
    (card,) = answer.results
    assert isinstance(card.input_message_content, InputTextMessageContent)
    assert f"start=ref_{customer.referral_code}" in card.input_message_content.message_text


def _gated() -> BotHarness:
    config = default_config(required_channel_id=CHANNEL, required_channel_url="https://t.me/c")
    return BotHarness(config=config)


async def test_a_customer_who_leaves_the_channel_is_caught_after_the_ttl(lang: str) -> None:
    bot = _gated()
    await bot.send(USER, "/start", lang=lang)
    bot.session.chat_member_status[CHANNEL, USER] = "left"
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), lang=lang)
    assert bot.last_screen() == bot.text(lang, "menu-title")  # trusted within the TTL

    bot.cache.expire_all()
    await bot.tap(USER, MenuCallback(screen=Screen.MAIN), lang=lang)
    assert bot.last_screen() == bot.text(lang, "channel-required")
    assert bot.keyboard()[0].url == "https://t.me/c"
    assert len(bot.session.of_type(GetChatMember)) == 2

    bot.session.chat_member_status[CHANNEL, USER] = "member"
    await bot.tap(USER, ChannelCheckCallback(), lang=lang)  # always asks Telegram afresh
    assert bot.last_screen() == bot.text(lang, "menu-title")
    assert len(bot.session.of_type(GetChatMember)) == 3


async def test_banned_and_departed_restricted_users_are_not_members(lang: str) -> None:
    bot = _gated()
    for status in ("kicked", "restricted_left", "left"):
        bot.session.chat_member_status[CHANNEL, USER] = status
        await bot.send(USER, "/menu", lang=lang)
        assert bot.last_screen() == bot.text(lang, "channel-required"), status
    assert bot.cache.values == {}  # a refusal is never cached

    bot.session.chat_member_status[CHANNEL, USER] = "restricted"  # muted, but in the channel
    await bot.send(USER, "/menu", lang=lang)
    assert bot.last_screen() == bot.text(lang, "menu-title")


async def test_inline_sharing_is_not_gated(lang: str) -> None:
    bot = _gated()
    bot.session.chat_member_status[CHANNEL, USER] = "left"
    await bot.inline(USER, lang=lang)
    assert len(bot.session.of_type(AnswerInlineQuery)) == 1
    assert bot.session.of_type(GetChatMember) == []
