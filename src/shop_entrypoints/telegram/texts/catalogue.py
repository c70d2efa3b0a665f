"""Texts: Fluent bundles per language, with the operator's overrides on top.

The shipped catalogue lives in `locales/<lang>/*.ftl` (package data), `shop.ftl` first.
An operator puts `ru.ftl` / `en.ftl` into an override directory to replace single message ids
without touching code. A message missing in one language falls back to the other; a message
missing everywhere renders as its id. Nothing here raises at render time.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import structlog
from fluent.runtime import FluentBundle, FluentResource

from shop_domain.model.customers import Language
from shop_entrypoints.telegram.texts.overrides import read_override

logger = structlog.get_logger(__name__)

TextArg = str | int


def _shipped(language: Language) -> list[str]:
    """`shop.ftl`, then the language's other catalogue files (`admin.ftl`, ...) by name."""
    folder = resources.files(__package__) / "locales" / language.value
    files = [f for f in folder.iterdir() if f.name.endswith(".ftl")]
    files.sort(key=lambda f: (f.name != "shop.ftl", f.name))
    return [f.read_text(encoding="utf-8") for f in files]


def _bundle(language: Language, override_dir: Path | None) -> FluentBundle:
    bundle = FluentBundle([language.value], use_isolating=False)
    for source in _shipped(language):
        bundle.add_resource(FluentResource(source))
    override = None if override_dir is None else override_dir / f"{language.value}.ftl"
    if override is not None and override.is_file():
        bundle.add_resource(read_override(override, bundle), allow_overrides=True)
        logger.info("texts_overridden", language=language.value, path=str(override))
    return bundle


class Texts:
    """Immutable once built, so a text without arguments is rendered once and remembered."""

    def __init__(self, override_dir: Path | None = None) -> None:
        self._bundles = {language: _bundle(language, override_dir) for language in Language}
        self._chains = {lang.value: self._ordered(lang) for lang in Language}
        self._fallback_chain = self._ordered(None)
        self._plain: dict[tuple[str, str], str] = {}

    def has(self, language: str, message_id: str) -> bool:
        return any(b.has_message(message_id) for b in self._chain(language))

    def get(self, language: str, message_id: str, /, **args: TextArg) -> str:
        if args:
            return self._render(language, message_id, args)[0]
        key = (language, message_id)
        text = self._plain.get(key)
        if text is None:
            text, clean = self._render(language, message_id, args)
            if clean and language in self._chains:  # a known language: the cache stays small
                self._plain[key] = text
        return text

    def _render(self, language: str, message_id: str, args: dict[str, TextArg]) -> tuple[str, bool]:
        """The text, and whether it rendered cleanly (found, no formatting errors)."""
        for bundle in self._chain(language):
            if not bundle.has_message(message_id):
                continue
            pattern = bundle.get_message(message_id).value
            if pattern is None:
                continue
            text, errors = bundle.format_pattern(pattern, args)
            if errors:
                logger.warning("text_format_errors", message_id=message_id, errors=len(errors))
            return str(text), not errors
        logger.warning("text_missing", message_id=message_id, language=language)
        return message_id, False

    def _chain(self, language: str) -> list[FluentBundle]:
        return self._chains.get(language, self._fallback_chain)

    def _ordered(self, first: Language | None) -> list[FluentBundle]:
        ordered = [lang for lang in Language if lang is first]
        ordered += [lang for lang in Language if lang is not first]
        return [self._bundles[lang] for lang in ordered]
