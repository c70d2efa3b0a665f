"""The admin catalogue: both languages complete, every id the admin bot builds exists, and
every admin handler gets what it asks for."""

import inspect
from importlib import resources

import pytest
from aiogram import Router
from fluent.syntax import FluentParser
from fluent.syntax.ast import Junk, Message

from shop_domain.model.plans import PlanVisibility
from shop_domain.model.promo_codes import PromoKind
from shop_entrypoints.telegram.keyboards.admin.customers import DESTRUCTIVE, CustomerAction
from shop_entrypoints.telegram.keyboards.admin.menu import SECTIONS
from shop_entrypoints.telegram.keyboards.admin.plans import PlanAction
from shop_entrypoints.telegram.keyboards.admin.promo_codes import PromoAction
from shop_entrypoints.telegram.routers import admin
from shop_entrypoints.telegram.texts import Texts
from tests.unit.telegram.admin_harness import AdminHarness, admin_harness
from tests.unit.telegram.test_dispatcher import PROVIDED

LOCALES = resources.files("shop_entrypoints.telegram.texts") / "locales"
TEXTS = Texts()


def _ids(language: str) -> set[str]:
    source = (LOCALES / language / "admin.ftl").read_text(encoding="utf-8")
    body = FluentParser().parse(source).body
    assert not [entry for entry in body if isinstance(entry, Junk)]
    return {entry.id.name for entry in body if isinstance(entry, Message)}


def test_both_languages_have_the_same_admin_messages() -> None:
    assert _ids("ru") == _ids("en")
    assert all(message_id.startswith("adm-") for message_id in _ids("en"))


def _built_ids() -> list[str]:
    built = [f"adm-btn-{section}" for section in SECTIONS]
    built += [f"adm-btn-customer-{a.value}" for a in CustomerAction if a is not CustomerAction.CARD]
    built += [f"adm-confirm-{a.value}" for a in DESTRUCTIVE]
    built += [f"adm-done-{a.value}" for a in (*DESTRUCTIVE, CustomerAction.UNBAN)]
    built += [f"adm-btn-plan-{a.value}" for a in PlanAction if a is not PlanAction.SHOW]
    built += [f"adm-visibility-{v.value}" for v in PlanVisibility]
    built += [f"adm-btn-promo-{a.value}" for a in PromoAction]
    built += [f"adm-promo-kind-{k.value}" for k in PromoKind]
    built += [f"adm-promo-value-{k.value}" for k in PromoKind]
    return built


@pytest.mark.parametrize("message_id", _built_ids())
def test_every_built_message_id_exists(message_id: str) -> None:
    assert message_id in _ids("en")


def _handlers(router: Router) -> list[object]:
    found = [h for observer in router.observers.values() for h in observer.handlers]
    return found + [h for sub in router.sub_routers for h in _handlers(sub)]


def test_every_admin_handler_parameter_is_injected() -> None:
    bot: AdminHarness = admin_harness()
    provided = PROVIDED | set(bot.dispatcher.workflow_data)
    handlers = _handlers(admin.router)
    for handler in handlers:
        callback = handler.callback  # type: ignore[attr-defined]
        parameters = list(inspect.signature(callback).parameters.values())[1:]
        missing = [p.name for p in parameters if p.name not in provided]
        assert missing == [], f"{callback.__qualname__} wants {missing}"
    assert len(handlers) >= 30
