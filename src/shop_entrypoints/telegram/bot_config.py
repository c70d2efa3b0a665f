"""What the bot's screens need to know about the operator's setup; the container fills it
from settings, tests build it directly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from shop_domain.model.customers import Language


@dataclass(frozen=True, slots=True)
class BotConfig:
    bot_username: str
    default_language: Language = Language.RU
    admin_ids: frozenset[int] = frozenset()
    support_url: str | None = None
    terms_url: str | None = None
    status_url: str | None = None
    require_terms: bool = False
    trial_enabled: bool = True
    trial_days: int = 3
    required_channel_id: int | None = None
    required_channel_url: str | None = None
    channel_check_ttl_seconds: int = 600
    # Connection guides: platform key ("android", "ios", "windows", "macos", "linux") -> URL.
    guide_links: Mapping[str, str] = field(default_factory=dict)
    checkout_return_url: str | None = None
    admins_skip_rate_limit: bool = True  # SHOP_RATE_LIMIT__ADMIN_EXEMPT

    @property
    def rate_limit_exempt_ids(self) -> frozenset[int]:
        return self.admin_ids if self.admins_skip_rate_limit else frozenset()

    def referral_link(self, referral_code: str) -> str:
        return f"https://t.me/{self.bot_username}?start=ref_{referral_code}"

    def is_admin(self, user_id: int) -> bool:
        return user_id in self.admin_ids
