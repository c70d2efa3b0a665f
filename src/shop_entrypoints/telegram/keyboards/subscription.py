"""My subscription: actions, connection guides, the revoke confirmation, devices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from shop_domain.ports.vpn_panel import HwidDevice
from shop_domain.services.core.manage_devices import device_token
from shop_entrypoints.telegram.callbacks import (
    DeviceCallback,
    MenuCallback,
    RevokeCallback,
    Screen,
    SubscriptionAction,
    SubscriptionCallback,
)
from shop_entrypoints.telegram.texts import Texts


def _back(builder: InlineKeyboardBuilder, texts: Texts, lang: str, screen: Screen) -> None:
    builder.button(text=texts.get(lang, "btn-back"), callback_data=MenuCallback(screen=screen))


def subscription_keyboard(texts: Texts, lang: str, *, has_link: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if has_link:
        for message_id, action in (
            ("btn-qr", SubscriptionAction.QR),
            ("btn-guides", SubscriptionAction.GUIDES),
            ("btn-devices", SubscriptionAction.DEVICES),
            ("btn-revoke", SubscriptionAction.REVOKE),
        ):
            builder.button(
                text=texts.get(lang, message_id),
                callback_data=SubscriptionCallback(action=action),
            )
    builder.button(
        text=texts.get(lang, "btn-renew"), callback_data=MenuCallback(screen=Screen.CATALOG)
    )
    _back(builder, texts, lang, Screen.MAIN)
    builder.adjust(2, 2, 1, 1) if has_link else builder.adjust(1)
    return builder.as_markup()


def guides_keyboard(texts: Texts, lang: str, links: Mapping[str, str]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for platform, url in links.items():
        message_id = f"guide-{platform}"
        text = texts.get(lang, message_id) if texts.has(lang, message_id) else platform
        builder.button(text=text, url=url)
    _back(builder, texts, lang, Screen.SUBSCRIPTION)
    builder.adjust(2)
    return builder.as_markup()


def revoke_keyboard(texts: Texts, lang: str, owner_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get(lang, "btn-revoke-confirm"), callback_data=RevokeCallback(owner_id=owner_id)
    )
    builder.button(
        text=texts.get(lang, "btn-cancel"), callback_data=MenuCallback(screen=Screen.SUBSCRIPTION)
    )
    builder.adjust(1)
    return builder.as_markup()


def device_name(texts: Texts, lang: str, device: HwidDevice) -> str:
    parts = [p for p in (device.device_model, device.platform) if p]
    return " · ".join(dict.fromkeys(parts)) or texts.get(lang, "device-unknown")


def devices_keyboard(
    texts: Texts, lang: str, owner_id: int, devices: Sequence[HwidDevice]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for device in devices:
        builder.button(
            text=texts.get(lang, "btn-device", name=device_name(texts, lang, device)),
            callback_data=DeviceCallback(owner_id=owner_id, token=device_token(device.hwid)),
        )
    _back(builder, texts, lang, Screen.SUBSCRIPTION)
    builder.adjust(1)
    return builder.as_markup()


def back_to_subscription(texts: Texts, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    _back(builder, texts, lang, Screen.SUBSCRIPTION)
    return builder.as_markup()
