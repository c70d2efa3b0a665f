"""The operator's override files, as docs/texts.md describes them: any shipped text in either
language, mistakes reported with their line, and the bot speaking the overridden words."""

from pathlib import Path

from structlog.testing import capture_logs

from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from shop_entrypoints.telegram.texts import Texts
from tests.unit.telegram.bot_harness import BotHarness

SHIPPED = Texts()


def test_texts_of_every_catalogue_file_can_be_replaced(tmp_path: Path, lang: str) -> None:
    ids = ("menu-title", "adm-menu-title", "error-generic", "stale-button", "btn-status")
    (tmp_path / f"{lang}.ftl").write_text(
        "".join(f"{message_id} = ours {message_id}\n" for message_id in ids), encoding="utf-8"
    )
    texts = Texts(tmp_path)
    other = "en" if lang == "ru" else "ru"
    for message_id in ids:
        assert SHIPPED.has(lang, message_id)
        assert texts.get(lang, message_id) == f"ours {message_id}"
        assert texts.get(other, message_id) == SHIPPED.get(other, message_id)


def test_an_override_may_use_variables_and_plurals(tmp_path: Path) -> None:
    (tmp_path / "ru.ftl").write_text(
        "btn-trial = Бесплатно на { days-count }\nwelcome-back = Снова здесь, { $name }?\n",
        encoding="utf-8",
    )
    texts = Texts(tmp_path)
    assert texts.get("ru", "btn-trial", days=5) == "Бесплатно на 5 дней"
    assert texts.get("ru", "welcome-back", name="Аня") == "Снова здесь, Аня?"


def test_mistakes_are_logged_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "en.ftl").write_text(
        "menu-title = Fine\n\nbtn-bye = { broken\nmenu-titel = A typo\n", encoding="utf-8"
    )
    with capture_logs() as logs:
        texts = Texts(tmp_path)

    by_event = {log["event"]: log for log in logs}
    assert by_event["texts_override_invalid"]["line"] == 3
    assert by_event["texts_override_unknown_id"]["line"] == 4
    assert by_event["texts_override_unknown_id"]["message_id"] == "menu-titel"
    assert by_event["texts_overridden"]["language"] == "en"
    assert texts.get("en", "menu-title") == "Fine"
    assert texts.get("en", "btn-back") == SHIPPED.get("en", "btn-back")


def test_a_clean_override_logs_no_warning(tmp_path: Path) -> None:
    (tmp_path / "ru.ftl").write_text("menu-title = Меню\n", encoding="utf-8")
    with capture_logs() as logs:
        Texts(tmp_path)
    assert [log["event"] for log in logs] == ["texts_overridden"]


async def test_customers_read_the_overridden_screens(tmp_path: Path, lang: str) -> None:
    (tmp_path / f"{lang}.ftl").write_text(
        "menu-title = Our own menu\nbtn-buy = Shop now\n", encoding="utf-8"
    )
    bot = BotHarness(texts=Texts(tmp_path))
    await bot.send(100, "/start", lang=lang)
    await bot.tap(100, MenuCallback(screen=Screen.MAIN), lang=lang)

    assert bot.last_screen() == "Our own menu"
    assert "Shop now" in bot.buttons()


async def test_the_language_buttons_are_texts_too(tmp_path: Path, lang: str) -> None:
    (tmp_path / f"{lang}.ftl").write_text("language-name-en = English (US)\n", encoding="utf-8")
    seen = []
    for texts in (SHIPPED, Texts(tmp_path)):  # one at a time: a new dispatcher takes the routers
        bot = BotHarness(texts=texts)
        await bot.send(100, "/start", lang=lang)
        await bot.tap(100, MenuCallback(screen=Screen.LANGUAGE), lang=lang)
        seen.append(bot.buttons()[:2])

    assert seen == [["🇷🇺 Русский", "🇬🇧 English"], ["🇷🇺 Русский", "English (US)"]]
