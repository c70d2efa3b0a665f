"""Customer search, the card, and its actions: add days, ban, message, reset trial, revoke."""

import asyncio
from dataclasses import replace

import pytest
from aiogram.types import Sticker

from shop_domain.events import OperatorMessageSent
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId, OrderId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment, PaymentStatus
from shop_entrypoints.telegram.formatting import format_date
from shop_entrypoints.telegram.keyboards.admin.customers import (
    ConfirmCallback,
    CustomerAction,
    CustomerCallback,
)
from shop_entrypoints.telegram.keyboards.admin.menu import CUSTOMERS, AdminSectionCallback
from tests.unit.fakes import T0
from tests.unit.telegram.admin_harness import CUSTOMER, AdminHarness, admin_harness
from tests.unit.telegram.wiring import ADMIN_ID

SEARCH = AdminSectionCallback(section=CUSTOMERS)


def _act(action: CustomerAction, customer_id: int = CUSTOMER) -> CustomerCallback:
    return CustomerCallback(action=action, customer_id=customer_id)


@pytest.fixture
async def bot() -> AdminHarness:
    harness = admin_harness()
    await harness.customer_with_trial()
    return harness


async def _search(bot: AdminHarness, query: str, lang: str) -> None:
    await bot.open_admin(lang)
    await bot.admin_tap(SEARCH, lang)
    await bot.admin_says(query, lang)


def _confirm_button(bot: AdminHarness) -> ConfirmCallback:
    packed = bot.keyboard()[0].callback_data
    assert packed is not None
    return ConfirmCallback.unpack(packed)


async def test_search_by_id_and_by_username_shows_the_card(bot: AdminHarness, lang: str) -> None:
    await bot.send(600, "/start")
    async with bot.shop.uow() as uow:
        customer = await uow.customers.get(CustomerId(600))
        assert customer is not None
        await uow.customers.update(replace(customer, username="alice"))
        await uow.commit()
    await _search(bot, str(CUSTOMER), lang)
    card = bot.last_screen()
    assert f"{CUSTOMER}" in card
    assert bot.text(lang, "adm-flag-trial-used") in card
    assert bot.text(lang, "adm-kind-trial") in card
    assert bot.text(lang, "adm-card-no-payments") in card
    assert bot.text(lang, "adm-btn-customer-ban") in bot.buttons()

    await bot.admin_tap(SEARCH, lang)
    await bot.admin_says("@Alice", lang)
    assert bot.last_screen().startswith(
        bot.text(
            lang,
            "adm-card",
            id=600,
            username="@alice",
            name="User600",
            language="en",
            joined=format_date(bot.shop.clock.now(), Language(lang)),
            flags=bot.text(lang, "adm-flag-none"),
        )
    )


async def test_an_unknown_customer_is_said_and_the_search_stays_open(
    bot: AdminHarness, lang: str
) -> None:
    await _search(bot, "@nobody", lang)
    assert bot.last_screen() == bot.text(lang, "adm-error-customer_not_found")
    await bot.admin_says("x" * 65, lang)
    assert bot.last_screen() == bot.text(lang, "adm-customer-bad-query")
    await bot.admin_says("99999999999999999999999", lang)  # beyond a BIGINT
    assert bot.last_screen() == bot.text(lang, "adm-error-customer_not_found")

    await bot.admin_says(str(CUSTOMER), lang)
    assert str(CUSTOMER) in bot.last_screen()


async def test_adding_days_checks_the_number_and_extends_access(
    bot: AdminHarness, lang: str
) -> None:
    before = next(iter(bot.shop.store.state.subscriptions.values())).expires_at
    await _search(bot, str(CUSTOMER), lang)
    await bot.admin_tap(_act(CustomerAction.DAYS), lang)
    assert bot.last_screen() == bot.text(lang, "adm-days-ask", id=CUSTOMER, max=3650)

    for bad in ("ten", "-5", "0", "3651", "1.5", "²", "٣"):
        await bot.admin_says(bad, lang)
        assert bot.last_screen() == bot.text(lang, "adm-days-bad", max=3650), bad
    assert next(iter(bot.shop.store.state.subscriptions.values())).expires_at == before

    await bot.admin_says("10", lang)
    after = next(iter(bot.shop.store.state.subscriptions.values())).expires_at
    assert (after - before).days == 10
    date = format_date(after, Language(lang))
    assert bot.text(lang, "adm-days-done", days=10, date=date) in bot.screens()
    assert [job for job, _ in bot.shop.job_queue.jobs] == ["provision_subscription"]

    await bot.admin_says("10", lang)  # the question is closed: no second grant
    assert next(iter(bot.shop.store.state.subscriptions.values())).expires_at == after


async def test_a_foreign_customer_id_in_a_button_is_refused(bot: AdminHarness, lang: str) -> None:
    await bot.open_admin(lang)
    for action in CustomerAction:
        await bot.admin_tap(_act(action, 123456), lang)
        assert bot.notices()[-1] == bot.text(lang, "adm-error-customer_not_found")


async def test_ban_asks_first_then_bans_and_disables_access(bot: AdminHarness, lang: str) -> None:
    await _search(bot, str(CUSTOMER), lang)
    await bot.admin_tap(_act(CustomerAction.BAN), lang)
    assert bot.last_screen() == bot.text(lang, "adm-confirm-ban", id=CUSTOMER)
    assert not bot.shop.store.state.customers[CustomerId(CUSTOMER)].is_banned

    confirm = _confirm_button(bot)
    await asyncio.gather(bot.admin_tap(confirm, lang), bot.admin_tap(confirm, lang))

    assert bot.shop.store.state.customers[CustomerId(CUSTOMER)].is_banned
    assert bot.text(lang, "adm-done-ban") in bot.notices()
    assert bot.text(lang, "stale-button") in bot.notices()  # the double tap
    assert len(bot.shop.job_queue.jobs) == 1
    await bot.shop.run_queued_jobs()
    assert next(iter(bot.shop.panel.users.values())).status.value == "DISABLED"
    assert bot.text(lang, "adm-btn-customer-unban") in bot.buttons()

    await bot.admin_tap(_act(CustomerAction.UNBAN), lang)
    assert not bot.shop.store.state.customers[CustomerId(CUSTOMER)].is_banned
    assert bot.notices()[-1] == bot.text(lang, "adm-done-unban")


async def test_a_forged_or_old_confirmation_does_nothing(bot: AdminHarness, lang: str) -> None:
    await _search(bot, str(CUSTOMER), lang)
    forged = ConfirmCallback.unpack(f"admok:ban:{CUSTOMER}:deadbeef")
    await bot.admin_tap(forged, lang)
    await bot.admin_tap(_act(CustomerAction.REVOKE), lang)
    revoke = _confirm_button(bot)
    await bot.admin_tap(_act(CustomerAction.BAN), lang)  # a newer question replaces it
    await bot.admin_tap(revoke, lang)

    assert bot.notices()[-1] == bot.text(lang, "stale-button")
    assert not bot.shop.store.state.customers[CustomerId(CUSTOMER)].is_banned
    assert "revoke_subscription" not in bot.shop.panel.calls


async def test_revoke_issues_one_new_link_even_on_a_double_tap(
    bot: AdminHarness, lang: str
) -> None:
    await _search(bot, str(CUSTOMER), lang)
    await bot.admin_tap(_act(CustomerAction.REVOKE), lang)
    confirm = _confirm_button(bot)
    await bot.admin_tap(confirm, lang)
    await bot.admin_tap(confirm, lang)

    assert bot.shop.panel.calls.count("revoke_subscription") == 1
    assert bot.notices()[-2:] == [bot.text(lang, "adm-done-revoke"), bot.text(lang, "stale-button")]
    subscription = next(iter(bot.shop.store.state.subscriptions.values()))
    assert subscription.subscription_url is not None
    assert subscription.subscription_url.endswith("/new")


async def test_revoke_with_the_panel_down_says_so(bot: AdminHarness, lang: str) -> None:
    await _search(bot, str(CUSTOMER), lang)
    await bot.admin_tap(_act(CustomerAction.REVOKE), lang)
    bot.shop.panel.down = True
    await bot.admin_tap(_confirm_button(bot), lang)
    assert bot.notices()[-1] == bot.text(lang, "adm-error-vpn_panel_error")


async def test_reset_trial_lets_the_customer_try_again(bot: AdminHarness, lang: str) -> None:
    await _search(bot, str(CUSTOMER), lang)
    await bot.admin_tap(_act(CustomerAction.RESET_TRIAL), lang)
    assert bot.last_screen() == bot.text(lang, "adm-confirm-trial", id=CUSTOMER)
    await bot.admin_tap(_confirm_button(bot), lang)

    assert bot.shop.store.state.customers[CustomerId(CUSTOMER)].may_start_trial
    assert bot.notices()[-1] == bot.text(lang, "adm-done-trial")
    assert bot.text(lang, "adm-flag-trial-used") not in bot.last_screen()


async def test_cancel_on_a_confirmation_goes_back_to_the_card(bot: AdminHarness, lang: str) -> None:
    await _search(bot, str(CUSTOMER), lang)
    await bot.admin_tap(_act(CustomerAction.BAN), lang)
    cancel = bot.keyboard()[1].callback_data
    assert cancel == _act(CustomerAction.CARD).pack()
    await bot.admin_tap(cancel, lang)
    assert bot.text(lang, "adm-btn-customer-ban") in bot.buttons()
    assert not bot.shop.store.state.customers[CustomerId(CUSTOMER)].is_banned


async def test_message_reaches_the_customer_once(bot: AdminHarness, lang: str) -> None:
    await _search(bot, str(CUSTOMER), lang)
    await bot.admin_tap(_act(CustomerAction.MESSAGE), lang)
    assert bot.last_screen() == bot.text(lang, "adm-message-ask", id=CUSTOMER, max=3650)
    await bot.admin_says("x" * 3501, lang)
    assert bot.last_screen() == bot.text(lang, "adm-error-empty_message")
    await bot.admin_says("Hello! Your server moved.", lang)
    await bot.admin_says("Hello! Your server moved.", lang)  # the question is closed now

    sent = bot.shop.notifier.of_type(OperatorMessageSent)
    assert sent == [OperatorMessageSent(CustomerId(CUSTOMER), "Hello! Your server moved.")]
    assert bot.text(lang, "adm-message-sent") in bot.screens()


async def test_a_sticker_where_a_number_is_expected(bot: AdminHarness, lang: str) -> None:
    await _search(bot, str(CUSTOMER), lang)
    await bot.admin_tap(_act(CustomerAction.DAYS), lang)
    sticker = Sticker(
        file_id="s",
        file_unique_id="s",
        type="regular",
        width=1,
        height=1,
        is_animated=False,
        is_video=False,
    )
    await bot.send_sticker(1, sticker, lang=lang)
    assert bot.last_screen() == bot.text(lang, "adm-text-expected")


async def test_the_card_lists_payments_and_referrals(bot: AdminHarness, lang: str) -> None:
    async with bot.shop.uow() as uow:
        await uow.payments.add(
            Payment(
                id=PaymentId("pay-1"),
                order_id=OrderId("order-1"),
                customer_id=CustomerId(CUSTOMER),
                provider="yookassa",
                amount=Money.of("199", "RUB"),
                status=PaymentStatus.PAID,
                created_at=T0,
                paid_at=T0,
            )
        )
        await uow.commit()
    code = bot.shop.store.state.customers[CustomerId(CUSTOMER)].referral_code
    await bot.send(601, f"/start ref_{code}")  # invited by the customer's referral link
    await _search(bot, str(CUSTOMER), lang)

    card = bot.last_screen().splitlines()
    payment = bot.text(
        lang,
        "adm-card-payment",
        date=format_date(T0, Language(lang)),
        amount="199 ₽",
        provider="yookassa",
        status=bot.text(lang, "adm-pay-status-paid"),
    )
    assert bot.text(lang, "adm-card-payments", count=1) in card
    assert payment in card
    assert card[-1] == bot.text(lang, "adm-card-referrals", count=1, days=0)


async def test_an_admin_cannot_be_banned_from_the_card(bot: AdminHarness, lang: str) -> None:
    await _search(bot, str(ADMIN_ID), lang)
    await bot.admin_tap(_act(CustomerAction.BAN, ADMIN_ID), lang)
    assert bot.notices()[-1] == bot.text(lang, "adm-ban-admin-refused")
    assert not bot.shop.store.state.customers[CustomerId(ADMIN_ID)].is_banned
