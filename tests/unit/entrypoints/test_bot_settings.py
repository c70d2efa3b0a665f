"""The `bot` section reaches the screens: links, the channel gate, guides and text overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiogram.methods import GetChatMember, SendMessage
from pydantic import ValidationError

from shop_entrypoints.settings import Settings
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.texts import Texts
from tests.unit.entrypoints.container_harness import TOKEN, ContainerHarness, shop_settings
from tests.unit.entrypoints.test_container import start_update

REQUIRED = {
    "SHOP_TELEGRAM__BOT_TOKEN": TOKEN,
    "SHOP_PANEL__URL": "https://panel.example.com",
    "SHOP_PANEL__API_TOKEN": "panel-token",
}


def _config(harness: ContainerHarness) -> BotConfig:
    config = harness.container.telegram.bot_config()
    assert isinstance(config, BotConfig)
    return config


def test_by_default_no_links_no_channel_and_the_shipped_texts() -> None:
    harness = ContainerHarness()
    config = _config(harness)

    assert (config.support_url, config.terms_url, config.status_url) == (None, None, None)
    assert config.required_channel_id is None
    assert config.guide_links == {}
    assert harness.container.texts().get("en", "menu-title") == Texts().get("en", "menu-title")


def test_environment_variables_fill_the_bot_config(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in REQUIRED.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SHOP_BOT__SUPPORT_URL", "tg://resolve?domain=shop_support")
    monkeypatch.setenv("SHOP_BOT__TERMS_URL", "https://shop.test/terms")
    monkeypatch.setenv("SHOP_BOT__STATUS_URL", "https://status.shop.test")
    monkeypatch.setenv("SHOP_BOT__REQUIRED_CHANNEL_ID", "-1001234567890")
    monkeypatch.setenv("SHOP_BOT__REQUIRED_CHANNEL_URL", "https://t.me/+invite")
    monkeypatch.setenv(
        "SHOP_BOT__GUIDE_LINKS", "iOS=https://guides.test/ios, android=https://guides.test/a"
    )

    config = _config(ContainerHarness(Settings(_env_file=None)))

    assert config.support_url == "tg://resolve?domain=shop_support"
    assert config.terms_url == "https://shop.test/terms"
    assert config.status_url == "https://status.shop.test"
    assert config.required_channel_id == -1001234567890
    assert config.required_channel_url == "https://t.me/+invite"
    assert list(config.guide_links.items()) == [
        ("ios", "https://guides.test/ios"),
        ("android", "https://guides.test/a"),
    ]


def test_guides_may_be_given_as_json() -> None:
    settings = shop_settings(bot={"guide_links": '{"windows": "https://guides.test/w"}'})
    assert settings.bot.guide_links == {"windows": "https://guides.test/w"}


@pytest.mark.parametrize(
    ("bot", "field"),
    [
        ({"support_url": "ftp://files.test"}, "support_url"),
        ({"status_url": "status page"}, "status_url"),
        ({"required_channel_id": 1234}, "required_channel_id"),
        ({"required_channel_url": "https://t.me/c"}, "required_channel_url"),
        ({"guide_links": "android https://guides.test"}, "guide_links"),
        ({"guide_links": "Win 10=https://guides.test"}, "guide_links"),
        ({"guide_links": "ios=javascript:alert(1)"}, "guide_links"),
        ({"texts_dir": "/nonexistent/texts"}, "texts_dir"),
    ],
)
def test_bad_values_are_refused_with_the_field_named(bot: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        shop_settings(bot=bot)
    assert field in str(error.value)


async def test_the_override_directory_changes_what_customers_read(tmp_path: Path) -> None:
    (tmp_path / "en.ftl").write_text("welcome-new = Hi { $name }, this is our shop.\n")
    harness = ContainerHarness(shop_settings(bot={"texts_dir": str(tmp_path)}))
    dispatcher = harness.container.telegram.dispatcher()

    await dispatcher.feed_update(harness.bot, start_update(501))

    assert [m.text for m in harness.session.of_type(SendMessage)] == ["Hi Ann, this is our shop."]
    assert harness.container.texts().get("ru", "welcome-new", name="A") == Texts().get(
        "ru", "welcome-new", name="A"
    )


async def test_a_configured_channel_turns_the_gate_on() -> None:
    harness = ContainerHarness(
        shop_settings(
            bot={"required_channel_id": -100777, "required_channel_url": "https://t.me/c"}
        )
    )
    harness.session.chat_member_status[-100777, 501] = "left"
    dispatcher = harness.container.telegram.dispatcher()

    await dispatcher.feed_update(harness.bot, start_update(501))

    (check,) = harness.session.of_type(GetChatMember)
    assert (check.chat_id, check.user_id) == (-100777, 501)
    (sent,) = harness.session.of_type(SendMessage)
    assert sent.text == Texts().get("en", "channel-required")
