"""Events become messages in the customer's language (HTML-escaped), admins get alerts, and
the notifier delivers them through a real Bot on the fake session."""

from __future__ import annotations

from dataclasses import replace

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage

from shop_adapters.telegram.notifier import TelegramNotifier
from shop_domain.events import (
    BroadcastFinished,
    BroadcastProgressed,
    CustomerRegistered,
    ExpiryReminderDue,
    OperatorMessageSent,
    PaymentHeldForReview,
    PaymentSucceeded,
    ProvisioningFailed,
    SubscriptionReady,
    TrafficLimitReached,
    TrialStarted,
)
from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId, OrderId, PaymentId, PlanId
from shop_domain.model.money import Money
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment, PaymentStatus
from shop_domain.model.plans import AccessLimits
from shop_entrypoints.notifications.event_texts import EventTexts
from shop_entrypoints.telegram.texts import Texts
from tests.fakes.memory_store import MemoryStore, MemoryUnitOfWork
from tests.fakes.telegram import FakeTelegramSession
from tests.unit.fakes import T0

TEXTS = Texts()
ANN, BOB = CustomerId(11), CustomerId(12)


@pytest.fixture
async def store() -> MemoryStore:
    store = MemoryStore()
    async with MemoryUnitOfWork(store) as uow:
        ann = Customer(id=ANN, language=Language.RU, referral_code="ANN", created_at=T0)
        await uow.customers.add(ann)
        await uow.customers.add(replace(ann, id=BOB, language=Language.EN, referral_code="BOB"))
        await uow.commit()
    return store


@pytest.fixture
def renderer(store: MemoryStore) -> EventTexts:
    return EventTexts(TEXTS, lambda: MemoryUnitOfWork(store), Language.EN)


async def test_a_ready_subscription_reaches_the_customer_in_their_language(
    renderer: EventTexts,
) -> None:
    url = "https://panel.test/api/sub/abc?x=1&y=2"

    [message] = await renderer.render(SubscriptionReady(ANN, url, T0, None))

    assert message.chat_id == ANN
    assert message.is_customer
    assert "https://panel.test/api/sub/abc?x=1&amp;y=2" in message.text  # HTML-escaped
    assert message.text == TEXTS.get(
        "ru", "notify-subscription-ready", date="10.01.2026", url=url.replace("&", "&amp;")
    )


async def test_a_purchase_reaches_the_customer_as_one_message_with_amount_days_and_link(
    renderer: EventTexts, store: MemoryStore
) -> None:
    order = Order(
        OrderId("o1"), BOB, PlanId("basic"), "Basic", 30, Money.of("199", "RUB"),
        Money.of("199", "RUB"), AccessLimits(), T0,
    )  # fmt: skip
    payment = Payment(
        PaymentId("p1"), order.id, BOB, "yookassa", order.price, PaymentStatus.PAID, T0
    )
    async with MemoryUnitOfWork(store) as uow:
        await uow.orders.add(order)
        await uow.payments.add(payment)
        await uow.commit()
    paid = PaymentSucceeded(
        BOB, payment.id, order.id, "yookassa", order.price, PlanId("basic"), 30, T0
    )
    url = "https://panel.test/api/sub/abc"

    assert await renderer.render(paid) == []  # the log chat hears of it, not the customer
    [message] = await renderer.render(SubscriptionReady(BOB, url, T0, payment.id))

    assert message.chat_id == BOB
    assert "199 ₽" in message.text
    assert "30 days" in message.text
    assert url in message.text
    assert [b.callback_data for row in message.buttons for b in row] == ["m:sub"]


async def test_an_expiry_reminder_offers_a_renewal(renderer: EventTexts) -> None:
    soon, ended = ExpiryReminderDue(BOB, T0, 24), ExpiryReminderDue(BOB, T0, -24)

    [before] = await renderer.render(soon)
    [after] = await renderer.render(ended)

    assert before.text == TEXTS.get("en", "notify-expiring", date="Jan 10, 2026")
    assert after.text == TEXTS.get("en", "notify-expired", date="Jan 10, 2026")
    assert [b.callback_data for row in after.buttons for b in row] == ["m:catalog"]


async def test_trouble_is_explained_to_the_customer(renderer: EventTexts) -> None:
    held = PaymentHeldForReview(
        BOB, PaymentId("p9"), "cryptopay", Money.of("10", "USD"), Money.of("9", "USD")
    )
    [customer] = await renderer.render(held)
    [delayed] = await renderer.render(ProvisioningFailed(ANN, 5, "vpn_panel_unavailable"))

    assert customer.chat_id == BOB
    assert customer.text == TEXTS.get("en", "notify-payment-held", expected="$10", received="$9")
    assert (delayed.chat_id, delayed.text) == (ANN, TEXTS.get("ru", "notify-provisioning-delayed"))


async def test_operator_text_cannot_inject_markup(renderer: EventTexts) -> None:
    [message] = await renderer.render(OperatorMessageSent(BOB, "<b>hi</b> & bye"))

    assert "&lt;b&gt;hi&lt;/b&gt; &amp; bye" in message.text


async def test_a_broadcast_report_goes_to_the_admin_who_sent_it(renderer: EventTexts) -> None:
    event = BroadcastFinished(ANN, "b1", False, 10, 7, 2, 1, 0)

    [message] = await renderer.render(event)

    assert (message.chat_id, message.is_customer) == (ANN, False)
    assert "7" in message.text


@pytest.mark.parametrize(
    "event",
    [TrialStarted(BOB, T0), CustomerRegistered(BOB, "bob", None, None)],
)
async def test_events_the_bot_already_showed_send_nothing(
    renderer: EventTexts, event: TrialStarted | CustomerRegistered
) -> None:
    assert await renderer.render(event) == []


async def test_the_notifier_sends_them_as_html_through_the_bot(renderer: EventTexts) -> None:
    session = FakeTelegramSession()
    notifier = TelegramNotifier(Bot("42:TEST", session=session), renderer)

    await notifier.notify(TrafficLimitReached(BOB))

    [sent] = session.of_type(SendMessage)
    assert sent.chat_id == BOB
    assert sent.parse_mode == "HTML"
    assert sent.text == TEXTS.get("en", "notify-traffic-limit")


async def test_broadcast_progress_is_one_live_message_for_the_admin(renderer: EventTexts) -> None:
    event = BroadcastProgressed(ANN, "b1", total=10, done=4, sent=3, blocked=1, failed=0)

    [message] = await renderer.render(event)

    assert (message.chat_id, message.is_customer) == (ANN, False)
    assert message.live_key == "broadcast-progress:b1"
    assert message.text == TEXTS.get(
        "ru", "admin-broadcast-progress", broadcast="b1", total=10, done=4, sent=3, blocked=1,
        failed=0,
    )  # fmt: skip
