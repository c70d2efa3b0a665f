"""What the hot path remembers: the main menu per language and trial eligibility, and texts
without arguments. Remembered results equal freshly built ones; nothing else is shared."""

from __future__ import annotations

from pathlib import Path

from structlog.testing import capture_logs

from shop_domain.model.customers import Customer, Language
from shop_domain.model.ids import CustomerId
from shop_entrypoints.telegram.keyboards.menu import _build_main_menu, main_menu
from shop_entrypoints.telegram.texts import Texts
from tests.unit.fakes import T0
from tests.unit.telegram.wiring import default_config

TEXTS = Texts()


def customer(
    customer_id: int, language: Language = Language.EN, *, has_used_trial: bool = False
) -> Customer:
    return Customer(
        id=CustomerId(customer_id),
        language=language,
        referral_code=f"C{customer_id}",
        created_at=T0,
        has_used_trial=has_used_trial,
    )


def test_customers_alike_share_one_menu_equal_to_a_fresh_one() -> None:
    config = default_config()

    first = main_menu(TEXTS, customer(1), config)

    assert main_menu(TEXTS, customer(2), config) is first
    assert first == _build_main_menu(TEXTS, Language.EN, True, config)


def test_language_trial_use_and_config_each_get_their_own_menu() -> None:
    config = default_config()
    english = main_menu(TEXTS, customer(1), config)

    russian = main_menu(TEXTS, customer(2, Language.RU), config)
    trial_used = main_menu(TEXTS, customer(3, has_used_trial=True), config)
    no_trials = main_menu(TEXTS, customer(4), default_config(trial_enabled=False))

    assert russian.inline_keyboard[0][0].text == TEXTS.get("ru", "btn-trial", days=3)
    assert len(trial_used.inline_keyboard) == len(english.inline_keyboard) - 1
    assert no_trials == trial_used
    assert no_trials is not trial_used


def test_other_texts_build_their_own_menu(tmp_path: Path) -> None:
    (tmp_path / "en.ftl").write_text("btn-buy = Shop now\n", encoding="utf-8")
    config = default_config()

    menu = main_menu(Texts(tmp_path), customer(1), config)

    assert "Shop now" in [b.text for row in menu.inline_keyboard for b in row]
    assert "Shop now" not in [
        b.text for row in main_menu(TEXTS, customer(1), config).inline_keyboard for b in row
    ]


def test_remembered_texts_match_rendered_ones_and_arguments_are_never_remembered() -> None:
    texts = Texts()

    assert texts.get("ru", "menu-title") == texts.get("ru", "menu-title")
    assert texts.get("ru", "menu-title") != texts.get("en", "menu-title")
    assert texts.get("en", "btn-trial", days=3) != texts.get("en", "btn-trial", days=7)


def test_a_missing_text_is_reported_every_time() -> None:
    texts = Texts()

    with capture_logs() as logs:
        assert texts.get("en", "no-such-message") == "no-such-message"
        assert texts.get("en", "no-such-message") == "no-such-message"

    assert [entry["event"] for entry in logs] == ["text_missing", "text_missing"]
