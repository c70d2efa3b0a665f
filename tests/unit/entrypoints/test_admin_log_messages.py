"""The admin log chat: which events reach it, in which language and topic, safely escaped."""

from datetime import timedelta

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage

from shop_adapters.telegram.notifier import TelegramNotifier
from shop_adapters.telegram.outgoing import OutgoingMessage
from shop_domain.events import (
    CustomerRegistered,
    PaymentHeldForReview,
    PaymentRefunded,
    PaymentSucceeded,
    ProvisioningFailed,
    ShopEvent,
    SubscriptionReady,
    TrialStarted,
)
from shop_domain.model.customers import Language
from shop_domain.model.ids import CampaignId, CustomerId, OrderId, PaymentId, PlanId
from shop_domain.model.money import Money
from shop_entrypoints.notifications.admin_log import AdminLogMessages
from shop_entrypoints.notifications.combined import CombinedEventMessages
from shop_entrypoints.telegram.formatting import format_date
from shop_entrypoints.telegram.texts import Texts
from tests.fakes.telegram import FakeTelegramSession
from tests.unit.fakes import T0

TEXTS = Texts()
LOG_CHAT = -1001234567890
TOPIC = 7
ALICE = CustomerId(500)
LINK = '<a href="tg://user?id=500">500</a>'
UNTIL = T0 + timedelta(days=30)


@pytest.fixture(params=[Language.RU, Language.EN])
def language(request: pytest.FixtureRequest) -> Language:
    chosen: Language = request.param
    return chosen


def _log(language: Language) -> AdminLogMessages:
    return AdminLogMessages(TEXTS, LOG_CHAT, TOPIC, language)


def _paid() -> PaymentSucceeded:
    return PaymentSucceeded(
        ALICE,
        PaymentId("p1"),
        OrderId("o1"),
        "yookassa",
        Money.of("199", "RUB"),
        PlanId("basic"),
        30,
        UNTIL,
    )


async def _one(language: Language, event: ShopEvent) -> OutgoingMessage:
    (message,) = await _log(language).render(event)
    assert (message.chat_id, message.thread_id, message.is_customer) == (LOG_CHAT, TOPIC, False)
    return message


async def test_a_new_customer_with_an_unsafe_username_is_escaped(language: Language) -> None:
    message = await _one(language, CustomerRegistered(ALICE, "<b>x</b>", None, None))
    assert message.text == TEXTS.get(
        language, "adm-log-customer", id=LINK, username="@&lt;b&gt;x&lt;/b&gt;"
    )


async def test_referred_and_campaign_customers_say_where_they_came_from(
    language: Language,
) -> None:
    referred = await _one(language, CustomerRegistered(ALICE, None, CustomerId(7), None))
    assert referred.text == TEXTS.get(
        language,
        "adm-log-customer-referred",
        id=LINK,
        username="—",
        inviter='<a href="tg://user?id=7">7</a>',
    )
    campaign = await _one(language, CustomerRegistered(ALICE, "bob", None, CampaignId("c")))
    expected = TEXTS.get(language, "adm-log-customer-campaign", id=LINK, username="@bob")
    assert campaign.text == expected


async def test_trials_payments_refunds_and_failures(language: Language) -> None:
    trial = await _one(language, TrialStarted(ALICE, UNTIL))
    date = format_date(UNTIL, language)
    assert trial.text == TEXTS.get(language, "adm-log-trial", id=LINK, date=date)

    payment = await _one(language, _paid())
    assert payment.text == TEXTS.get(
        language,
        "adm-log-payment",
        id=LINK,
        amount="199 ₽",
        provider="yookassa",
        days=30,
        plan="basic",
        date=date,
    )
    held = PaymentHeldForReview(
        ALICE, PaymentId("p1"), "cryptopay", Money.of(5, "USDT"), Money.of(4, "USDT")
    )
    assert "5 USDT" in (await _one(language, held)).text
    refund = await _one(
        language, PaymentRefunded(ALICE, PaymentId("p1"), Money.of(99, "RUB"), None)
    )
    assert refund.text == TEXTS.get(language, "adm-log-refund", id=LINK, amount="99 ₽")
    failed = await _one(language, ProvisioningFailed(ALICE, 5, "vpn_panel_unavailable"))
    assert "vpn_panel_unavailable" in failed.text
    assert "5" in failed.text


async def test_nothing_without_a_log_chat_or_for_customer_only_events() -> None:
    silent = AdminLogMessages(TEXTS, None)
    assert await silent.render(_paid()) == []
    ready = SubscriptionReady(ALICE, "https://sub.test/secret", UNTIL, None)
    assert await _log(Language.EN).render(ready) == []


class _CustomerSide:
    async def render(self, event: ShopEvent) -> list[OutgoingMessage]:
        return [OutgoingMessage(int(ALICE), "Thanks for your payment")]


async def test_the_notifier_posts_into_the_log_topic_next_to_the_customer_message() -> None:
    session = FakeTelegramSession()
    messages = CombinedEventMessages(_CustomerSide(), _log(Language.EN))
    notifier = TelegramNotifier(Bot("42:TEST", session=session), messages)
    await notifier.notify(_paid())

    sent = session.of_type(SendMessage)
    assert [(int(s.chat_id), s.message_thread_id) for s in sent] == [
        (500, None),
        (LOG_CHAT, TOPIC),
    ]
    assert sent[1].parse_mode == "HTML"
    assert sent[1].text.startswith("💳")
