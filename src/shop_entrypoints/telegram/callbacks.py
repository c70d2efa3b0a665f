"""Callback data of every inline button. Prices never travel in callback data: the server
quotes them again. Buttons that act on a customer's resource carry `owner_id` and handlers
refuse a tap by anyone else."""

from __future__ import annotations

import enum

from aiogram.filters.callback_data import CallbackData

from shop_domain.model.customers import Language


class Screen(enum.StrEnum):
    MAIN = "main"
    TRIAL = "trial"
    CATALOG = "catalog"
    SUBSCRIPTION = "sub"
    PROMO = "promo"
    REFERRAL = "ref"
    LANGUAGE = "lang"


class MenuCallback(CallbackData, prefix="m"):
    screen: Screen


class PlanCallback(CallbackData, prefix="plan"):
    plan_id: str
    days: int = 0  # 0: choose a duration; otherwise: choose a payment method


class PayCallback(CallbackData, prefix="pay"):
    plan_id: str
    days: int
    provider: str


class SubscriptionAction(enum.StrEnum):
    QR = "qr"
    GUIDES = "guides"
    REVOKE = "revoke"
    DEVICES = "devices"


class SubscriptionCallback(CallbackData, prefix="sub"):
    action: SubscriptionAction


class RevokeCallback(CallbackData, prefix="revoke"):
    owner_id: int


class DeviceCallback(CallbackData, prefix="dev"):
    owner_id: int
    token: str


class LanguageCallback(CallbackData, prefix="lang"):
    language: Language


class PromoCancelCallback(CallbackData, prefix="promo_cancel"):
    pass


class TermsCallback(CallbackData, prefix="terms"):
    pass


class ChannelCheckCallback(CallbackData, prefix="channel"):
    pass
