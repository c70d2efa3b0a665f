"""The broadcast section: compose, choose the audience, preview, confirm, watch, cancel."""

from __future__ import annotations

import pytest
from aiogram.methods import SendMessage

from shop_domain.model.broadcasts import AudienceKind
from shop_domain.services.notification.start_broadcast import SEND_BROADCAST_JOB
from shop_entrypoints.telegram.keyboards.admin.broadcast import (
    BroadcastAction,
    BroadcastAudienceCallback,
    BroadcastCallback,
)
from shop_entrypoints.telegram.keyboards.admin.menu import BROADCAST, AdminSectionCallback
from tests.unit.telegram.admin_harness import AdminHarness, admin_harness

EVERYONE = BroadcastAudienceCallback(kind=AudienceKind.EVERYONE)


@pytest.fixture
def bot() -> AdminHarness:
    return admin_harness()


async def compose(bot: AdminHarness, lang: str, message: str) -> None:
    await bot.open_admin(lang)
    await bot.admin_tap(AdminSectionCallback(section=BROADCAST), lang)
    await bot.admin_says(message, lang)


def broadcast_id_of_last_keyboard(bot: AdminHarness) -> str:
    packed = bot.keyboard()[0].callback_data
    assert packed is not None
    return BroadcastCallback.unpack(packed).broadcast_id


async def test_an_admin_previews_confirms_and_watches_a_broadcast(
    bot: AdminHarness, lang: str
) -> None:
    await bot.customer_with_trial()
    await compose(bot, lang, "Big news for you\nOpen the site | https://example.com")
    assert bot.last_screen() == bot.text(lang, "adm-bc-audience-ask")
    await bot.admin_tap(EVERYONE, lang)

    preview, question = bot.session.of_type(SendMessage)[-2:]
    assert preview.text == "Big news for you"
    assert preview.reply_markup.inline_keyboard[0][0].url == "https://example.com"
    everyone = bot.text(lang, "adm-bc-audience-everyone")
    assert question.text == bot.text(lang, "adm-bc-preview", audience=everyone, count=2)
    assert all(name != SEND_BROADCAST_JOB for name, _ in bot.shop.job_queue.jobs)

    broadcast_id = broadcast_id_of_last_keyboard(bot)
    confirm = BroadcastCallback(action=BroadcastAction.CONFIRM, broadcast_id=broadcast_id)
    await bot.admin_tap(confirm, lang)
    assert (SEND_BROADCAST_JOB, {"broadcast_id": broadcast_id}) in bot.shop.job_queue.jobs
    assert bot.text(lang, "adm-bc-status-sending") in bot.last_screen()
    assert bot.buttons()[:2] == [
        bot.text(lang, "adm-btn-refresh"),
        bot.text(lang, "adm-bc-btn-stop"),
    ]

    stop = BroadcastCallback(action=BroadcastAction.CANCEL, broadcast_id=broadcast_id)
    await bot.admin_tap(stop, lang)
    assert bot.last_screen() == bot.text(lang, "adm-bc-cancelled")
    await bot.admin_tap(confirm, lang)  # a stale "Send" after cancelling
    assert bot.notices()[-1] == bot.text(lang, "adm-error-broadcast_state")


async def test_a_bad_button_link_is_refused_in_operator_terms(bot: AdminHarness, lang: str) -> None:
    await compose(bot, lang, "Hello\nClick | javascript:alert(1)")
    assert bot.last_screen() == bot.text(lang, "adm-error-invalid_broadcast")
    await bot.admin_says("Hello again", lang)  # still composing: a fixed message is accepted
    assert bot.last_screen() == bot.text(lang, "adm-bc-audience-ask")


async def test_a_customer_cannot_reach_the_broadcast_section(bot: AdminHarness) -> None:
    await bot.customer_with_trial()
    await bot.tap(500, AdminSectionCallback(section=BROADCAST), lang="en")
    assert bot.text("en", "adm-bc-ask") not in bot.screens()
