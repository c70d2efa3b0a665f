"""What counts as a secret in logs and reports, and how it is masked."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

MASK = "***"
SECRET_KEY_WORDS = (
    "token",
    "secret",
    "password",
    "passwd",
    "authorization",
    "cookie",
    "api_key",
    "apikey",
    "subscription_url",
    "signature",
)
BOT_TOKEN_RE = re.compile(r"\d+:[A-Za-z0-9_-]{35,}")
_URL_CREDENTIALS_RE = re.compile(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^:/@\s]*):[^@\s]*@"
)


def is_secret_key(key: str) -> bool:
    """True for keys such as `bot_token`, `webhook_secret` or `Authorization`."""
    lowered = key.lower()
    return any(word in lowered for word in SECRET_KEY_WORDS)


def redact_text(text: str) -> str:
    """`text` with bot tokens and URL passwords replaced by `***`."""
    text = BOT_TOKEN_RE.sub(MASK, text)
    return _URL_CREDENTIALS_RE.sub(rf"\g<scheme>\g<user>:{MASK}@", text)


def mask_url(url: str) -> str:
    """The URL without its password or secret-looking query values; `***` if it is not a URL.

    Everything between `://` and the last `@` is user info, so a password that itself holds
    `/`, `:` or `@` is still masked whole.
    """
    scheme, separator, rest = url.partition("://")
    if not separator:
        return MASK
    userinfo, at, location = rest.rpartition("@")
    prefix = ""
    if at:
        user = userinfo.partition(":")[0]
        prefix = f"{user}:{MASK}@" if ":" in userinfo else f"{userinfo}@"
    base, question, query = location.partition("?")
    if question:
        pairs = [
            (key, MASK if is_secret_key(key) or "pass" in key.lower() else value)
            for key, value in parse_qsl(query, keep_blank_values=True)
        ]
        base = f"{base}?{urlencode(pairs, safe='*')}"
    return f"{scheme}://{prefix}{base}"
