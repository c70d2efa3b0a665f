"""User text for a ShopError: the most specific `error-<code>` the catalogue has."""

from __future__ import annotations

from shop_domain.errors import ShopError
from shop_entrypoints.telegram.texts import Texts

GENERIC = "error-generic"


def error_text(texts: Texts, lang: str, code: str) -> str:
    message_id = f"error-{code}"
    return texts.get(lang, message_id if texts.has(lang, message_id) else GENERIC)


def error_text_for(texts: Texts, lang: str, error: ShopError) -> str:
    """Walk up the error's classes: VpnPanelUnavailableError falls back to vpn_panel_error."""
    for cls in type(error).__mro__:
        code = getattr(cls, "code", None)
        if isinstance(code, str) and texts.has(lang, f"error-{code}"):
            return texts.get(lang, f"error-{code}")
    return texts.get(lang, GENERIC)
