"""Connected devices: list them, disconnect one. Buttons carry the owner's id and a device
token; a tap by anyone else, or on a device that is already gone, changes nothing."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from shop_domain.model.customers import Customer
from shop_domain.services.core.manage_devices import ManageDevices, ManageDevicesRequest
from shop_entrypoints.telegram.callbacks import (
    DeviceCallback,
    SubscriptionAction,
    SubscriptionCallback,
)
from shop_entrypoints.telegram.keyboards.subscription import device_name, devices_keyboard
from shop_entrypoints.telegram.screens import acknowledge, show
from shop_entrypoints.telegram.subscription_view import devices_text
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


@router.callback_query(SubscriptionCallback.filter(F.action == SubscriptionAction.DEVICES))
async def on_devices(
    callback: CallbackQuery, customer: Customer, manage_devices: ManageDevices, texts: Texts
) -> None:
    lang = customer.language
    result = await manage_devices.execute(ManageDevicesRequest(customer.id))
    markup = devices_keyboard(texts, lang, customer.id, result.devices)
    await show(callback, devices_text(result, texts, lang), markup)


@router.callback_query(DeviceCallback.filter())
async def on_disconnect_device(
    callback: CallbackQuery,
    callback_data: DeviceCallback,
    customer: Customer,
    manage_devices: ManageDevices,
    texts: Texts,
) -> None:
    lang = customer.language
    if callback_data.owner_id != customer.id:
        await acknowledge(callback, texts.get(lang, "not-yours"), alert=True)
        return
    result = await manage_devices.execute(ManageDevicesRequest(customer.id, callback_data.token))
    gone = result.disconnected
    if gone is None:
        notice = texts.get(lang, "stale-button")
    else:
        notice = texts.get(lang, "device-disconnected", name=device_name(texts, lang, gone))
    markup = devices_keyboard(texts, lang, customer.id, result.devices)
    await show(callback, devices_text(result, texts, lang), markup, notice=notice)
