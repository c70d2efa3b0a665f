"""The catalogue: both languages complete, operator overrides, safe fallbacks."""

from importlib import resources
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax.ast import Junk, Message

from shop_domain import errors
from shop_domain.model.customers import Language
from shop_entrypoints.telegram.error_texts import error_text_for
from shop_entrypoints.telegram.texts import Texts

TEXTS = Texts()
LOCALES = resources.files("shop_entrypoints.telegram.texts") / "locales"


def _ids(language: str) -> set[str]:
    source = (LOCALES / language / "shop.ftl").read_text(encoding="utf-8")
    body = FluentParser().parse(source).body
    assert not [entry for entry in body if isinstance(entry, Junk)]
    return {entry.id.name for entry in body if isinstance(entry, Message)}


def test_both_languages_have_the_same_messages() -> None:
    assert _ids("ru") == _ids("en")
    assert len(_ids("ru")) > 100


def test_russian_plurals() -> None:
    texts = Texts()
    assert [texts.get("ru", "days-count", days=n) for n in (1, 3, 5, 21)] == [
        "1 день",
        "3 дня",
        "5 дней",
        "21 день",
    ]
    assert texts.get("en", "days-count", days=1) == "1 day"


def test_operator_overrides_single_messages(tmp_path: Path) -> None:
    (tmp_path / "ru.ftl").write_text("menu-title = Чем помочь?\nonly-ru = Только по-русски\n")
    texts = Texts(tmp_path)
    assert texts.get("ru", "menu-title") == "Чем помочь?"
    assert texts.get("ru", "btn-back") == Texts().get("ru", "btn-back")
    assert texts.get("en", "menu-title") == Texts().get("en", "menu-title")
    assert texts.get("en", "only-ru") == "Только по-русски"  # falls back to the other language


def test_missing_messages_and_arguments_never_crash() -> None:
    texts = Texts()
    assert texts.get("en", "no-such-message") == "no-such-message"
    assert texts.get("de", "btn-back") in {texts.get(lang, "btn-back") for lang in Language}
    assert texts.get("en", "welcome-back").startswith("Welcome back, name!")  # shows its name


def test_a_broken_override_file_keeps_the_shipped_texts(tmp_path: Path) -> None:
    (tmp_path / "en.ftl").write_text("menu-title = { broken\n")
    assert Texts(tmp_path).get("en", "menu-title") == Texts().get("en", "menu-title")


@pytest.mark.parametrize(
    "error",
    [
        cls
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.ShopError)
    ],
)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_error_has_a_user_text(error: type[errors.ShopError], language: str) -> None:
    instance = error.__new__(error)
    text = error_text_for(TEXTS, language, instance)
    assert text
    assert "error-" not in text
