"""Operational alerts as the admin log chat shows them, in both languages."""

import pytest

from shop_domain.events import OperationalAlertRaised
from shop_domain.model.alerts import AlertKind
from shop_domain.model.customers import Language
from shop_entrypoints.notifications.admin_log import AdminLogMessages
from shop_entrypoints.telegram.texts import Texts

TEXTS = Texts()
LOG_CHAT = -100777
TOPIC = 3


@pytest.mark.parametrize("language", [Language.RU, Language.EN])
@pytest.mark.parametrize("kind", list(AlertKind))
async def test_every_alert_kind_reaches_the_log_chat(kind: AlertKind, language: Language) -> None:
    event = OperationalAlertRaised(kind, "yoo<kassa>", 51, 50)

    [message] = await AdminLogMessages(TEXTS, LOG_CHAT, TOPIC, language).render(event)

    assert (message.chat_id, message.thread_id, message.is_customer) == (LOG_CHAT, TOPIC, False)
    assert "51" in message.text
    assert "🚨" in message.text
    assert "<kassa>" not in message.text  # escaped for HTML
    if kind is AlertKind.WEBHOOK_REJECTIONS:
        assert "yoo&lt;kassa&gt;" in message.text


async def test_the_two_languages_differ() -> None:
    event = OperationalAlertRaised(AlertKind.OUTBOX_BACKLOG, "provisioning", 80, 50)
    [ru] = await AdminLogMessages(TEXTS, LOG_CHAT, None, Language.RU).render(event)
    [en] = await AdminLogMessages(TEXTS, LOG_CHAT, None, Language.EN).render(event)
    assert ru.text != en.text
    assert "очереди" in ru.text
    assert "outbox" in en.text


async def test_no_log_chat_means_no_alert_message() -> None:
    event = OperationalAlertRaised(AlertKind.PANEL_CIRCUIT_OPEN, "panel", 300, 120)
    assert await AdminLogMessages(TEXTS, None).render(event) == []
