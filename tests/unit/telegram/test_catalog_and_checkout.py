import asyncio

from aiogram.methods import SendInvoice

from shop_domain.model.payments import PaymentStatus
from shop_domain.ports.payment_gateway import Checkout, CheckoutRequest
from shop_entrypoints.telegram.callbacks import MenuCallback, PayCallback, PlanCallback, Screen
from tests.unit.fakes import FakePaymentGateway
from tests.unit.services.shop_harness import BASIC
from tests.unit.telegram.bot_harness import BotHarness
from tests.unit.telegram.counting_shop import CountingShop

USER = 100
PAY_RUB = PayCallback(plan_id=BASIC, days=30, provider="fakepay")


async def _ready(bot: BotHarness, lang: str) -> None:
    await bot.shop.add_plan()
    await bot.send(USER, "/start", lang=lang)


async def test_plans_durations_and_methods_with_server_prices(bot: BotHarness, lang: str) -> None:
    await _ready(bot, lang)

    await bot.tap(USER, MenuCallback(screen=Screen.CATALOG), lang=lang)
    assert bot.last_screen() == bot.text(lang, "catalog-title")
    assert bot.buttons()[0] == "Basic"

    await bot.tap(USER, PlanCallback(plan_id=BASIC), lang=lang)
    assert bot.text(lang, "plan-header", name="Basic") in bot.last_screen()
    assert bot.buttons()[:2] == [
        bot.text(lang, "duration-button", days=30, price="199 ₽ / 150 ⭐"),
        bot.text(lang, "duration-button", days=90, price="499 ₽"),
    ]

    await bot.tap(USER, PlanCallback(plan_id=BASIC, days=30), lang=lang)
    assert bot.last_screen() == bot.text(lang, "methods-title", plan="Basic", days=30)
    assert [b.callback_data for b in bot.keyboard()][:2] == [
        PAY_RUB.pack(),
        PayCallback(plan_id=BASIC, days=30, provider="stars").pack(),
    ]


async def test_empty_catalogue(bot: BotHarness, lang: str) -> None:
    await bot.send(USER, "/start", lang=lang)
    await bot.tap(USER, MenuCallback(screen=Screen.CATALOG), lang=lang)
    assert bot.last_screen() == bot.text(lang, "catalog-empty")


async def test_redirect_checkout_gets_a_url_button(bot: BotHarness, lang: str) -> None:
    await _ready(bot, lang)
    await bot.tap(USER, PAY_RUB, lang=lang)

    (payment,) = bot.shop.store.state.payments.values()
    assert payment.status is PaymentStatus.PENDING
    assert bot.last_screen() == bot.text(
        lang, "checkout-ready", plan="Basic", days=30, price="199 ₽"
    )
    assert bot.keyboard()[0].url == f"https://pay.test/{payment.id}"


async def test_stars_checkout_sends_an_invoice(bot: BotHarness, lang: str) -> None:
    await _ready(bot, lang)
    await bot.tap(USER, PayCallback(plan_id=BASIC, days=30, provider="stars"), lang=lang)

    (payment,) = bot.shop.store.state.payments.values()
    (invoice,) = bot.session.of_type(SendInvoice)
    assert (invoice.currency, invoice.payload) == ("XTR", payment.id)
    assert [p.amount for p in invoice.prices] == [150]
    assert bot.notices()[-1] == bot.text(lang, "invoice-sent")


async def test_a_second_tap_on_pay_reuses_the_order(bot: BotHarness, lang: str) -> None:
    await _ready(bot, lang)
    await bot.tap(USER, PAY_RUB, lang=lang)
    await bot.tap(USER, PAY_RUB, lang=lang)
    assert len(bot.shop.store.state.orders) == 1
    assert len(bot.shop.store.state.payments) == 1


class SlowGateway(FakePaymentGateway):
    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        await asyncio.sleep(0.01)  # the provider's API takes a moment
        return await super().create_checkout(request)


async def test_a_concurrent_double_tap_creates_one_order(lang: str) -> None:
    bot = BotHarness(shop=CountingShop(gateway=SlowGateway()))
    await _ready(bot, lang)
    await asyncio.gather(bot.tap(USER, PAY_RUB, lang=lang), bot.tap(USER, PAY_RUB, lang=lang))
    assert len(bot.shop.store.state.orders) == 1
    assert bot.text(lang, "error-checkout_in_progress") in bot.notices()


async def test_a_stale_plan_button_is_explained(bot: BotHarness, lang: str) -> None:
    await _ready(bot, lang)
    await bot.tap(USER, PlanCallback(plan_id="retired"), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "error-plan_not_available")
    await bot.tap(USER, PlanCallback(plan_id=BASIC, days=7), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "error-price_not_available")


async def test_a_disabled_provider_and_a_failing_one(bot: BotHarness, lang: str) -> None:
    await _ready(bot, lang)
    await bot.tap(USER, PayCallback(plan_id=BASIC, days=30, provider="gone"), lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "error-payment_method_not_available")

    bot.shop.gateway.failing = True
    await bot.tap(USER, PAY_RUB, lang=lang)
    assert bot.notices()[-1] == bot.text(lang, "error-payment_provider_error")


async def test_forged_callback_data_is_treated_as_stale(bot: BotHarness, lang: str) -> None:
    await _ready(bot, lang)
    for forged in ("plan:basic:-30", "plan:basic:abc", "pay:basic:30", "m:nowhere"):
        await bot.tap(USER, forged, lang=lang)
        assert bot.notices()[-1] == bot.text(lang, "stale-button")
    assert bot.shop.store.state.orders == {}
