"""Customers: the people who talk to the bot, keyed by their Telegram id."""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from shop_domain.model.ids import CampaignId, CustomerId

REFERRAL_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REFERRAL_CODE_LENGTH = 8


class Language(enum.StrEnum):
    RU = "ru"
    EN = "en"

    @classmethod
    def from_telegram(cls, language_code: str | None, default: Language) -> Language:
        """Pick a supported language from Telegram's IETF tag (`ru`, `en-US`, ...)."""
        if not language_code:
            return default
        primary = language_code.split("-", 1)[0].lower()
        if primary in {"ru", "uk", "be", "kk"}:  # Russian readers first among CIS languages
            return cls.RU
        if primary == "en":
            return cls.EN
        return default


def new_referral_code() -> str:
    return "".join(secrets.choice(REFERRAL_CODE_ALPHABET) for _ in range(REFERRAL_CODE_LENGTH))


@dataclass(frozen=True, slots=True)
class Customer:
    id: CustomerId
    language: Language
    referral_code: str
    created_at: datetime
    username: str | None = None
    first_name: str | None = None
    referred_by: CustomerId | None = None
    campaign_id: CampaignId | None = None
    is_banned: bool = False
    terms_accepted_at: datetime | None = None
    has_used_trial: bool = False
    has_paid: bool = False
    blocked_bot: bool = False

    @property
    def accepted_terms(self) -> bool:
        return self.terms_accepted_at is not None

    def can_be_referred_by(self, inviter: CustomerId) -> bool:
        """Self-referrals are refused."""
        return inviter != self.id

    def accept_terms(self, now: datetime) -> Customer:
        return self if self.accepted_terms else replace(self, terms_accepted_at=now)

    def ban(self) -> Customer:
        return replace(self, is_banned=True)

    def unban(self) -> Customer:
        return replace(self, is_banned=False)

    def with_language(self, language: Language) -> Customer:
        return replace(self, language=language)

    def mark_trial_used(self) -> Customer:
        return replace(self, has_used_trial=True)

    def mark_paid(self) -> Customer:
        return replace(self, has_paid=True)

    def reset_trial(self) -> Customer:
        return replace(self, has_used_trial=False)

    @property
    def may_start_trial(self) -> bool:
        """Trial only for customers who never had a trial or a paid subscription."""
        return not (self.has_used_trial or self.has_paid or self.is_banned)
