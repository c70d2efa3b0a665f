"""End to end: catalogue -> duration -> payment method -> Telegram Stars invoice -> paid ->
provisioning job -> panel user; promo codes typed in and in deep links; referrals and campaigns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from aiogram.methods import AnswerPreCheckoutQuery, SendInvoice

from shop_domain.model.campaigns import AdCampaign
from shop_domain.model.customers import Language
from shop_domain.model.ids import CampaignId, CustomerId, PlanId, PromoCodeId
from shop_domain.model.money import Money
from shop_domain.model.payments import PaymentStatus
from shop_domain.model.plans import GIB, AccessLimits, DurationOption, Plan
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_entrypoints.telegram.callbacks import MenuCallback, PayCallback, PlanCallback, Screen
from shop_entrypoints.telegram.formatting import format_date, format_money
from tests.integration.telegram.e2e_harness import E2EShop

USER, FRIEND = 100, 300
BASIC = PlanId("basic")
PLAN_SQUAD = "00000000-0000-4000-8000-0000000000b2"


async def _plan(shop: E2EShop) -> Plan:
    prices = {"RUB": Money(Decimal("199.00"), "RUB"), "XTR": Money(Decimal(150), "XTR")}
    plan = Plan(
        BASIC,
        "Basic",
        (DurationOption(30, prices),),
        AccessLimits(traffic_limit_bytes=50 * GIB, device_limit=3, internal_squads=(PLAN_SQUAD,)),
    )
    shop.fake.seed_squad("Paid", PLAN_SQUAD)
    async with shop.uow() as uow:
        await uow.plans.save(plan)
        await uow.commit()
    return plan


async def test_stars_purchase_provisions_the_panel_user(shop: E2EShop, lang: str) -> None:
    await _plan(shop)
    await shop.send(USER, "/start", lang=lang)

    await shop.tap(USER, MenuCallback(screen=Screen.CATALOG), lang=lang)
    assert shop.last_screen(USER) == shop.text(lang, "catalog-title")
    await shop.tap(USER, PlanCallback(plan_id=BASIC), lang=lang)
    assert shop.text(lang, "plan-header", name="Basic") in shop.last_screen(USER)
    await shop.tap(USER, PlanCallback(plan_id=BASIC, days=30), lang=lang)
    assert shop.last_screen(USER) == shop.text(lang, "methods-title", plan="Basic", days=30)
    stars = PayCallback(plan_id=BASIC, days=30, provider="telegram_stars")
    assert stars.pack() in [button.callback_data for button in shop.keyboard()]

    await shop.tap(USER, stars, lang=lang)
    (invoice,) = shop.session.of_type(SendInvoice)
    assert invoice.currency == "XTR"
    assert [price.amount for price in invoice.prices] == [150]
    assert shop.notices()[-1] == shop.text(lang, "invoice-sent")

    await shop.pre_checkout(USER, invoice.payload, 150, lang)
    assert shop.session.of_type(AnswerPreCheckoutQuery)[-1].ok is True
    paid_at = datetime.now(UTC)
    await shop.pay(USER, invoice.payload, 150, lang)

    async with shop.uow() as uow:
        payments = await uow.payments.list_for_customer(CustomerId(USER), 10)
    assert [p.status for p in payments] == [PaymentStatus.PROVISIONED]  # the job ran
    customer = await shop.customer(USER)
    assert customer is not None
    assert customer.has_paid
    user = shop.panel_user(USER)
    assert user.expire_at - paid_at > timedelta(days=30) - timedelta(minutes=1)
    assert user.expire_at - paid_at < timedelta(days=30, minutes=1)
    assert user.squads == [PLAN_SQUAD]
    assert user.traffic_limit_bytes == 50 * GIB
    assert user.hwid_device_limit == 3
    subscription = await shop.subscription(USER)
    assert subscription is not None
    ready = shop.text(
        lang,
        "notify-payment-ready",
        amount=format_money(Money(Decimal(150), "XTR")),
        days=30,
        date=format_date(subscription.expires_at, Language(lang)),
        url=shop.fake.subscription_url(user),
    )
    assert shop.last_screen(USER) == ready  # the notifier, once the panel has the user


async def _buy_with_stars(shop: E2EShop, lang: str) -> str:
    stars = PayCallback(plan_id=BASIC, days=30, provider="telegram_stars")
    await shop.tap(USER, stars, lang=lang)
    invoice = shop.session.of_type(SendInvoice)[-1]
    await shop.pre_checkout(USER, invoice.payload, 150, lang)
    await shop.pay(USER, invoice.payload, 150, lang)
    return str(invoice.payload)


async def test_buying_after_the_trial_renews_the_same_panel_user_once(
    shop: E2EShop, lang: str
) -> None:
    await _plan(shop)
    await shop.send(USER, "/start", lang=lang)
    await shop.tap(USER, MenuCallback(screen=Screen.TRIAL), lang=lang)
    trial_end = shop.panel_user(USER).expire_at

    payload = await _buy_with_stars(shop, lang)
    user = shop.panel_user(USER)  # still one panel user
    assert user.expire_at - trial_end == timedelta(days=30)
    assert user.squads == [PLAN_SQUAD]

    (charge,) = [t["id"] for t in shop.session.transactions]
    await shop.pay(USER, payload, 150, lang, charge=charge)  # Telegram redelivers the message
    assert shop.panel_user(USER).expire_at - trial_end == timedelta(days=30)
    async with shop.uow() as uow:
        payments = await uow.payments.list_for_customer(CustomerId(USER), 10)
    assert len(payments) == 1


async def test_a_forged_pre_checkout_is_refused_and_credits_nothing(
    shop: E2EShop, lang: str
) -> None:
    await _plan(shop)
    await shop.send(USER, "/start", lang=lang)
    await shop.pre_checkout(USER, "no-such-payment", 150, lang)
    answer = shop.session.of_type(AnswerPreCheckoutQuery)[-1]
    assert answer.ok is False
    assert answer.error_message == shop.text(lang, "pre-checkout-unknown-order")
    assert shop.fake.users == {}


async def _promo(shop: E2EShop, code: str, kind: PromoKind, value: int) -> None:
    async with shop.uow() as uow:
        promo = PromoCode(PromoCodeId(code), code, kind, value, datetime.now(UTC))
        await uow.promo_codes.add(promo)
        await uow.commit()


async def test_a_typed_promo_code_adds_days_on_the_panel(shop: E2EShop, lang: str) -> None:
    await _promo(shop, "BONUS7", PromoKind.BONUS_DAYS, 7)
    await shop.send(USER, "/start", lang=lang)
    await shop.tap(USER, MenuCallback(screen=Screen.PROMO), lang=lang)
    assert shop.last_screen(USER) == shop.text(lang, "promo-ask")

    await shop.send(USER, "not a code!", lang=lang)
    assert shop.last_screen(USER) == shop.text(lang, "promo-bad-format")
    await shop.send(USER, "NOSUCHCODE", lang=lang)
    assert shop.text(lang, "error-promo_code_not_found") in shop.last_screen(USER)
    assert shop.fake.users == {}

    before = datetime.now(UTC)
    await shop.send(USER, "BONUS7", lang=lang)
    subscription = await shop.subscription(USER)
    assert subscription is not None
    date = format_date(subscription.expires_at, Language(lang))
    assert shop.last_screen(USER) == shop.text(lang, "promo-bonus-applied", days=7, date=date)
    user = shop.panel_user(USER)
    assert timedelta(days=7) - timedelta(minutes=1) < user.expire_at - before
    assert user.expire_at - before < timedelta(days=7, minutes=1)

    await shop.tap(USER, MenuCallback(screen=Screen.PROMO), lang=lang)
    await shop.send(USER, "BONUS7", lang=lang)
    assert shop.text(lang, "error-promo_code_already_used") in shop.last_screen(USER)


async def test_deep_links_refer_attribute_and_apply_promos(shop: E2EShop, lang: str) -> None:
    await shop.send(USER, "/start", lang=lang)
    inviter = await shop.customer(USER)
    assert inviter is not None
    async with shop.uow() as uow:
        campaign = AdCampaign(CampaignId("c-1"), "spring", "Spring", datetime.now(UTC))
        await uow.campaigns.add(campaign)
        await uow.commit()
    await _promo(shop, "GIFT3", PromoKind.BONUS_DAYS, 3)

    await shop.send(FRIEND, f"/start ref_{inviter.referral_code}", lang=lang)
    await shop.send(FRIEND + 1, "/start c_spring", lang=lang)
    await shop.send(FRIEND + 2, "/start promo_GIFT3", lang=lang)
    await shop.send(FRIEND + 3, "/start ref_nobody", lang=lang)  # unknown: ignored

    friend = await shop.customer(FRIEND)
    assert friend is not None
    assert friend.referred_by == CustomerId(USER)
    attributed = await shop.customer(FRIEND + 1)
    assert attributed is not None
    assert attributed.campaign_id == campaign.id
    assert shop.text(lang, "start-promo-bonus", days=3) in shop.last_screen(FRIEND + 2)
    assert shop.panel_user(FRIEND + 2).telegram_id == FRIEND + 2
    stranger = await shop.customer(FRIEND + 3)
    assert stranger is not None
    assert stranger.referred_by is None

    await shop.tap(USER, MenuCallback(screen=Screen.REFERRAL), lang=lang)
    link = f"https://t.me/shop_test_bot?start=ref_{inviter.referral_code}"
    assert shop.last_screen(USER) == shop.text(lang, "referral-info", link=link, invited=1, days=0)
