"""The bilingual text catalogue (Fluent): shipped locales plus operator overrides."""

from shop_entrypoints.telegram.texts.catalogue import Texts

__all__ = ["Texts"]
