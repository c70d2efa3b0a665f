"""Texts: Fluent bundles per language, with the operator's overrides on top.

The shipped catalogue lives in `locales/<lang>/shop.ftl` (package data). An operator puts
`ru.ftl` / `en.ftl` into an override directory to replace single message ids without touching
code. A message missing in one language falls back to the other; a message missing everywhere
renders as its id. Nothing here raises at render time.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import structlog
from fluent.runtime import FluentBundle, FluentResource

from shop_domain.model.customers import Language

logger = structlog.get_logger(__name__)

TextArg = str | int


def _shipped(language: Language) -> str:
    locale = resources.files(__package__) / "locales" / language.value / "shop.ftl"
    return locale.read_text(encoding="utf-8")


def _bundle(language: Language, override_dir: Path | None) -> FluentBundle:
    bundle = FluentBundle([language.value], use_isolating=False)
    bundle.add_resource(FluentResource(_shipped(language)))
    override = None if override_dir is None else override_dir / f"{language.value}.ftl"
    if override is not None and override.is_file():
        bundle.add_resource(
            FluentResource(override.read_text(encoding="utf-8")), allow_overrides=True
        )
        logger.info("texts_overridden", language=language.value, path=str(override))
    return bundle


class Texts:
    def __init__(self, override_dir: Path | None = None) -> None:
        self._bundles = {language: _bundle(language, override_dir) for language in Language}

    def has(self, language: str, message_id: str) -> bool:
        return any(b.has_message(message_id) for b in self._chain(language))

    def get(self, language: str, message_id: str, /, **args: TextArg) -> str:
        for bundle in self._chain(language):
            if not bundle.has_message(message_id):
                continue
            pattern = bundle.get_message(message_id).value
            if pattern is None:
                continue
            text, errors = bundle.format_pattern(pattern, args)
            if errors:
                logger.warning("text_format_errors", message_id=message_id, errors=len(errors))
            return str(text)
        logger.warning("text_missing", message_id=message_id, language=language)
        return message_id

    def _chain(self, language: str) -> list[FluentBundle]:
        try:
            first: Language | None = Language(language)
        except ValueError:
            first = None
        ordered = [lang for lang in Language if lang is first]
        ordered += [lang for lang in Language if lang is not first]
        return [self._bundles[lang] for lang in ordered]
