"""End to end, the admin bot: statistics from the store and the panel, the customer card and
its actions (reaching the panel through the provisioning jobs), the plan editor, promo codes,
campaigns and broadcasts, each checked from the customer's side too."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import SendMessage

from shop_domain.model.broadcasts import AudienceKind
from shop_domain.model.customers import Language
from shop_domain.model.ids import PlanId
from shop_domain.model.plans import PlanVisibility
from shop_domain.model.promo_codes import PromoKind
from shop_entrypoints.telegram.callbacks import MenuCallback, PlanCallback, Screen
from shop_entrypoints.telegram.formatting import format_date
from shop_entrypoints.telegram.keyboards.admin.broadcast import (
    BroadcastAction,
    BroadcastAudienceCallback,
    BroadcastCallback,
)
from shop_entrypoints.telegram.keyboards.admin.campaigns import NewCampaignCallback
from shop_entrypoints.telegram.keyboards.admin.customers import (
    ConfirmCallback,
    CustomerAction,
    CustomerCallback,
)
from shop_entrypoints.telegram.keyboards.admin.menu import (
    BROADCAST,
    CAMPAIGNS,
    CUSTOMERS,
    PLANS,
    PROMO_CODES,
    STATISTICS,
    AdminSectionCallback,
)
from shop_entrypoints.telegram.keyboards.admin.plans import (
    AdminPlanCallback,
    PlanAction,
    PlanVisibilityCallback,
)
from shop_entrypoints.telegram.keyboards.admin.promo_codes import AdminPromoCallback, PromoAction
from tests.integration.telegram.e2e_harness import ADMIN, E2EShop

CUSTOMER = 500


def _act(action: CustomerAction, customer_id: int = CUSTOMER) -> CustomerCallback:
    return CustomerCallback(action=action, customer_id=customer_id)


def _confirm(shop: E2EShop) -> ConfirmCallback:
    packed = shop.keyboard()[0].callback_data
    assert packed is not None
    return ConfirmCallback.unpack(packed)


async def _customer_with_trial(shop: E2EShop) -> None:
    await shop.send(CUSTOMER, "/start", lang="en")
    await shop.tap(CUSTOMER, MenuCallback(screen=Screen.TRIAL), lang="en")


async def _card(shop: E2EShop, lang: str) -> None:
    await shop.send(ADMIN, "/admin", lang=lang)
    assert shop.last_screen(ADMIN) == shop.text(lang, "adm-menu-title")
    await shop.tap(ADMIN, AdminSectionCallback(section=CUSTOMERS), lang=lang)
    await shop.send(ADMIN, str(CUSTOMER), lang=lang)
    card = shop.last_screen(ADMIN)
    assert str(CUSTOMER) in card
    assert shop.text(lang, "adm-flag-trial-used") in card  # read from the store


async def test_statistics_count_the_store_and_ask_the_panel(shop: E2EShop, lang: str) -> None:
    await _customer_with_trial(shop)
    await shop.send(ADMIN, "/admin", lang=lang)
    await shop.tap(ADMIN, AdminSectionCallback(section=STATISTICS), lang=lang)
    screen = shop.last_screen(ADMIN)
    assert shop.fake.panel_version in screen
    assert shop.text(lang, "adm-stats-panel-down") not in screen


async def test_add_days_refuses_text_and_extends_the_panel_user(shop: E2EShop, lang: str) -> None:
    await _customer_with_trial(shop)
    before = shop.panel_user(CUSTOMER).expire_at
    await _card(shop, lang)
    await shop.tap(ADMIN, _act(CustomerAction.DAYS), lang=lang)
    for bad in ("ten", "-5", "1.5"):
        await shop.send(ADMIN, bad, lang=lang)
        assert shop.last_screen(ADMIN) == shop.text(lang, "adm-days-bad", max=3650), bad
    assert shop.panel_user(CUSTOMER).expire_at == before

    await shop.send(ADMIN, "10", lang=lang)

    subscription = await shop.subscription(CUSTOMER)
    assert subscription is not None
    date = format_date(subscription.expires_at, Language(lang))
    assert shop.text(lang, "adm-days-done", days=10, date=date) in shop.screens(ADMIN)
    assert shop.panel_user(CUSTOMER).expire_at - before == timedelta(days=10)


async def test_ban_disables_the_panel_user_and_the_bot(shop: E2EShop, lang: str) -> None:
    await _customer_with_trial(shop)
    await _card(shop, lang)
    await shop.tap(ADMIN, _act(CustomerAction.BAN), lang=lang)
    assert shop.last_screen(ADMIN) == shop.text(lang, "adm-confirm-ban", id=CUSTOMER)
    confirm = _confirm(shop)
    await shop.tap(ADMIN, confirm, lang=lang)
    await shop.tap(ADMIN, confirm, lang=lang)  # a double tap
    assert shop.notices()[-2:] == [shop.text(lang, "adm-done-ban"), shop.text(lang, "stale-button")]

    customer = await shop.customer(CUSTOMER)
    assert customer is not None
    assert customer.is_banned
    assert shop.panel_user(CUSTOMER).status == "DISABLED"
    await shop.send(CUSTOMER, "/start", lang="en")
    assert shop.last_screen(CUSTOMER) == shop.text("en", "banned")

    await shop.tap(ADMIN, _act(CustomerAction.UNBAN), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "adm-done-unban")
    assert shop.panel_user(CUSTOMER).status == "ACTIVE"


async def test_message_reset_trial_and_revoke(shop: E2EShop, lang: str) -> None:
    await _customer_with_trial(shop)
    old_url = shop.fake.subscription_url(shop.panel_user(CUSTOMER))
    await _card(shop, lang)

    await shop.tap(ADMIN, _act(CustomerAction.MESSAGE), lang=lang)
    await shop.send(ADMIN, "Your server moved", lang=lang)
    await shop.send(ADMIN, "Your server moved", lang=lang)  # the question is closed now
    assert shop.text(lang, "adm-message-sent") in shop.screens(ADMIN)
    delivered = [s for s in shop.screens(CUSTOMER) if "Your server moved" in s]
    assert len(delivered) == 1  # through the notifier, to the customer's chat

    await shop.tap(ADMIN, _act(CustomerAction.RESET_TRIAL), lang=lang)
    await shop.tap(ADMIN, _confirm(shop), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "adm-done-trial")
    customer = await shop.customer(CUSTOMER)
    assert customer is not None
    assert not customer.has_used_trial

    await shop.tap(ADMIN, _act(CustomerAction.REVOKE), lang=lang)
    await shop.tap(ADMIN, _confirm(shop), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "adm-done-revoke")
    assert shop.fake.subscription_url(shop.panel_user(CUSTOMER)) != old_url

    await shop.tap(ADMIN, _act(CustomerAction.BAN, 123456), lang=lang)  # no such customer
    assert shop.notices()[-1] == shop.text(lang, "adm-error-customer_not_found")


async def test_a_plan_made_in_the_editor_is_on_sale(shop: E2EShop, lang: str) -> None:
    await shop.send(ADMIN, "/admin", lang=lang)
    await shop.tap(ADMIN, AdminSectionCallback(section=PLANS), lang=lang)
    await shop.tap(ADMIN, AdminPlanCallback(action=PlanAction.NEW), lang=lang)
    await shop.send(ADMIN, "Pro", lang=lang)
    async with shop.uow() as uow:
        (plan,) = await uow.plans.list_all()
    assert plan.visibility is PlanVisibility.HIDDEN
    edit = AdminPlanCallback(action=PlanAction.DURATIONS, plan_id=plan.id)
    await shop.tap(ADMIN, edit, lang=lang)
    await shop.send(ADMIN, "30 RUB 1.999", lang=lang)
    assert shop.last_screen(ADMIN) in {
        shop.text(lang, "adm-error-invalid_plan"),
        shop.text(lang, "adm-error-invalid_money"),
    }
    await shop.send(ADMIN, "30 RUB 199 XTR 150", lang=lang)
    await shop.tap(ADMIN, AdminPlanCallback(action=PlanAction.TRAFFIC, plan_id=plan.id), lang=lang)
    await shop.send(ADMIN, "lots", lang=lang)
    assert shop.last_screen(ADMIN) == shop.text(lang, "adm-number-bad", max=1_000_000)
    await shop.send(ADMIN, "100", lang=lang)
    everyone = PlanVisibilityCallback(plan_id=plan.id, visibility=PlanVisibility.EVERYONE)
    await shop.tap(ADMIN, everyone, lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "adm-saved")

    await shop.send(CUSTOMER, "/start", lang=lang)
    await shop.tap(CUSTOMER, MenuCallback(screen=Screen.CATALOG), lang=lang)
    assert shop.buttons()[0] == "Pro"
    await shop.tap(CUSTOMER, PlanCallback(plan_id=PlanId(plan.id)), lang=lang)
    assert shop.text(lang, "plan-header", name="Pro") in shop.last_screen(CUSTOMER)

    hidden = PlanVisibilityCallback(plan_id=plan.id, visibility=PlanVisibility.HIDDEN)
    await shop.tap(ADMIN, hidden, lang=lang)
    await shop.tap(CUSTOMER, PlanCallback(plan_id=PlanId(plan.id), days=30), lang=lang)
    assert shop.notices()[-1] == shop.text(lang, "error-plan_not_available")  # a stale button


async def test_an_admin_promo_code_and_campaign_reach_customers(shop: E2EShop, lang: str) -> None:
    await shop.send(ADMIN, "/admin", lang=lang)
    await shop.tap(ADMIN, AdminSectionCallback(section=PROMO_CODES), lang=lang)
    await shop.tap(ADMIN, AdminPromoCallback(action=PromoAction.CREATE), lang=lang)
    create = AdminPromoCallback(action=PromoAction.CREATE, kind=PromoKind.BONUS_DAYS)
    await shop.tap(ADMIN, create, lang=lang)
    await shop.send(ADMIN, "SPRING seven", lang=lang)
    assert shop.last_screen(ADMIN) == shop.text(lang, "adm-promo-bad-format")
    await shop.send(ADMIN, "spring 5 100", lang=lang)
    assert shop.last_screen(ADMIN) == shop.text(lang, "adm-promo-created", code="SPRING")

    await shop.tap(ADMIN, AdminSectionCallback(section=CAMPAIGNS), lang=lang)
    await shop.tap(ADMIN, NewCampaignCallback(), lang=lang)
    await shop.send(ADMIN, "vk_spring Spring on VK", lang=lang)
    link = "https://t.me/shop_test_bot?start=c_vk_spring"
    assert shop.last_screen(ADMIN) == shop.text(
        lang, "adm-campaign-created", name="Spring on VK", link=link
    )

    await shop.send(CUSTOMER, "/start c_vk_spring", lang="en")
    await shop.tap(CUSTOMER, MenuCallback(screen=Screen.PROMO), lang="en")
    await shop.send(CUSTOMER, "spring", lang="en")
    customer = await shop.customer(CUSTOMER)
    assert customer is not None
    assert customer.campaign_id is not None
    subscription = await shop.subscription(CUSTOMER)
    assert subscription is not None
    user = shop.panel_user(CUSTOMER)
    assert abs((user.expire_at - subscription.expires_at).total_seconds()) < 1


async def test_a_broadcast_is_previewed_sent_by_the_job_and_cancelled(
    shop: E2EShop, lang: str
) -> None:
    await _customer_with_trial(shop)
    await shop.send(ADMIN, "/admin", lang=lang)
    await shop.tap(ADMIN, AdminSectionCallback(section=BROADCAST), lang=lang)
    await shop.send(ADMIN, "Big news\nOpen | https://example.com", lang=lang)
    assert shop.last_screen(ADMIN) == shop.text(lang, "adm-bc-audience-ask")
    await shop.tap(ADMIN, BroadcastAudienceCallback(kind=AudienceKind.EVERYONE), lang=lang)
    everyone = shop.text(lang, "adm-bc-audience-everyone")
    assert shop.last_screen(ADMIN) == shop.text(lang, "adm-bc-preview", audience=everyone, count=2)
    packed = shop.keyboard()[0].callback_data
    assert packed is not None
    broadcast_id = BroadcastCallback.unpack(packed).broadcast_id
    delivered = [
        r
        for r in shop.session.of_type(SendMessage)
        if r.chat_id == CUSTOMER and r.text == "Big news"
    ]
    assert delivered == []  # a preview sends nothing

    confirm = BroadcastCallback(action=BroadcastAction.CONFIRM, broadcast_id=broadcast_id)
    await shop.tap(ADMIN, confirm, lang=lang)

    delivered = [
        r
        for r in shop.session.of_type(SendMessage)
        if r.chat_id == CUSTOMER and r.text == "Big news"
    ]
    assert len(delivered) == 1
    stop = BroadcastCallback(action=BroadcastAction.CANCEL, broadcast_id=broadcast_id)
    await shop.tap(ADMIN, stop, lang=lang)
    await shop.tap(ADMIN, confirm, lang=lang)  # a stale "Send"
    assert shop.notices()[-1] == shop.text(lang, "adm-error-broadcast_state")


async def test_customers_cannot_reach_the_admin_bot(shop: E2EShop, lang: str) -> None:
    await _customer_with_trial(shop)
    await shop.send(CUSTOMER, "/admin", lang=lang)
    assert shop.text(lang, "adm-menu-title") not in shop.screens(CUSTOMER)
    await shop.tap(CUSTOMER, _act(CustomerAction.BAN), lang=lang)
    await shop.tap(CUSTOMER, AdminPromoCallback(action=PromoAction.EXPORT), lang=lang)
    customer = await shop.customer(CUSTOMER)
    assert customer is not None
    assert not customer.is_banned
    assert shop.notices()[-1] == shop.text("en", "stale-button")  # the customer's language
