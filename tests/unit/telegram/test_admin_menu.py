"""/admin, the statistics screen, and who may open either."""

import pytest
from aiogram.types import Chat, Message

from shop_domain.model.ids import CustomerId, OrderId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment, PaymentStatus
from shop_entrypoints.telegram.keyboards.admin.customers import CustomerAction, CustomerCallback
from shop_entrypoints.telegram.keyboards.admin.menu import (
    BROADCAST,
    SECTIONS,
    STATISTICS,
    AdminSectionCallback,
)
from tests.unit.fakes import T0
from tests.unit.telegram.admin_harness import STRANGER, AdminHarness, admin_harness
from tests.unit.telegram.wiring import ADMIN_ID

STATS = AdminSectionCallback(section=STATISTICS)


@pytest.fixture
def bot() -> AdminHarness:
    return admin_harness()


async def test_admin_opens_the_menu_with_every_section(bot: AdminHarness, lang: str) -> None:
    await bot.open_admin(lang)

    assert bot.last_screen() == bot.text(lang, "adm-menu-title")
    assert bot.buttons() == [bot.text(lang, f"adm-btn-{section}") for section in SECTIONS]
    packed = [button.callback_data for button in bot.keyboard()]
    assert AdminSectionCallback(section=BROADCAST).pack() in packed


async def test_a_stranger_gets_no_admin_menu(bot: AdminHarness, lang: str) -> None:
    await bot.send(STRANGER, "/admin", lang=lang)

    assert bot.last_screen() == bot.text(lang, "unknown-message")
    assert bot.text(lang, "adm-menu-title") not in bot.screens()


async def test_a_stranger_tapping_admin_buttons_changes_nothing(
    bot: AdminHarness, lang: str
) -> None:
    await bot.customer_with_trial()
    queries = len(bot.shop.queries)
    ban = CustomerCallback(action=CustomerAction.UNBAN, customer_id=500)
    for data in (STATS, ban, AdminSectionCallback(section="customers")):
        await bot.tap(STRANGER, data, lang=lang)

    assert bot.notices()[-3:] == [bot.text(lang, "stale-button")] * 3
    assert "stats" not in bot.shop.panel.calls
    tables = {query.split(".")[0] for query in bot.shop.queries[queries:]}
    assert tables == {"customers"}  # only the stranger's own registration


async def test_statistics_count_customers_and_revenue_per_currency(
    bot: AdminHarness, lang: str
) -> None:
    await bot.customer_with_trial()
    await _paid(bot, Money.of("199", "RUB"))
    await _paid(bot, Money.of("150", "XTR"))
    await bot.open_admin(lang)
    await bot.admin_tap(STATS, lang)

    screen = bot.last_screen()
    expected = bot.text(
        lang,
        "adm-stats",
        customers=2,
        new_today=2,
        active=0,
        trials=1,
        today="199 ₽ · 150 ⭐",
        week="199 ₽ · 150 ⭐",
        month="199 ₽ · 150 ⭐",
    )
    assert screen.startswith(expected)
    assert bot.text(lang, "adm-stats-panel", version="3.3.2", users=1, online=0, nodes=1) in screen


async def test_statistics_with_the_panel_down_show_the_rest(bot: AdminHarness, lang: str) -> None:
    await bot.open_admin(lang)
    bot.shop.panel.down = True
    await bot.admin_tap(STATS, lang)

    screen = bot.last_screen()
    assert bot.text(lang, "adm-stats-panel-down") in screen
    assert screen.startswith(
        bot.text(
            lang,
            "adm-stats",
            customers=1,
            new_today=1,
            active=0,
            trials=0,
            today="0",
            week="0",
            month="0",
        )
    )


async def test_refreshing_twice_is_not_an_error(bot: AdminHarness, lang: str) -> None:
    await bot.open_admin(lang)
    await bot.admin_tap(STATS, lang)
    await bot.admin_tap(STATS, lang)  # same numbers: Telegram says "not modified"

    assert bot.notices()[-1] is None
    assert bot.text(lang, "error-generic") not in bot.screens()


async def test_unknown_admin_callback_data_is_a_stale_button(bot: AdminHarness, lang: str) -> None:
    await bot.open_admin(lang)
    for data in ("adm:nonsense", "admc:explode:1", "admok:ban:1", "admp:show"):
        await bot.admin_tap(data, lang)

    assert bot.notices()[-4:] == [bot.text(lang, "stale-button")] * 4


async def _paid(bot: AdminHarness, amount: Money) -> None:
    async with bot.shop.uow() as uow:
        await uow.payments.add(
            Payment(
                id=PaymentId(f"pay-{amount.currency}"),
                order_id=OrderId(f"order-{amount.currency}"),
                customer_id=CustomerId(500),
                provider="fakepay",
                amount=amount,
                status=PaymentStatus.PAID,
                created_at=T0,
                paid_at=T0,
            )
        )
        await uow.commit()


async def test_admin_in_a_group_gets_no_admin_menu(bot: AdminHarness, lang: str) -> None:
    group = Chat(id=-100500, type="supergroup")
    admin = bot.user(ADMIN_ID, lang)
    command = Message(message_id=1, date=T0, chat=group, from_user=admin, text="/admin")
    await bot.feed(message=command)
    assert bot.text(lang, "adm-menu-title") not in bot.screens()
