"""A previewed broadcast: send it, watch its progress, or cancel it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from shop_domain.model.broadcasts import BroadcastId, BroadcastStatus
from shop_domain.model.customers import Customer
from shop_domain.services.notification.cancel_broadcast import CancelBroadcast
from shop_domain.services.notification.get_broadcast_progress import (
    BroadcastProgress,
    GetBroadcastProgress,
)
from shop_domain.services.notification.start_broadcast import StartBroadcast
from shop_entrypoints.telegram.keyboards.admin.broadcast import (
    BroadcastAction,
    BroadcastCallback,
    progress_buttons,
)
from shop_entrypoints.telegram.keyboards.admin.menu import back_to
from shop_entrypoints.telegram.screens import show
from shop_entrypoints.telegram.texts import Texts

router = Router(name=__name__)


def progress_text(texts: Texts, lang: str, progress: BroadcastProgress) -> str:
    counts = progress.counts
    return texts.get(
        lang,
        "adm-bc-progress",
        status=texts.get(lang, f"adm-bc-status-{progress.broadcast.status.value}"),
        done=counts.done,
        total=progress.broadcast.total,
        sent=counts.sent,
        blocked=counts.blocked,
        failed=counts.failed,
        unconfirmed=counts.unconfirmed,
        waiting=counts.pending + counts.sending,
    )


async def _show_progress(
    callback: CallbackQuery, texts: Texts, lang: str, progress: BroadcastProgress
) -> None:
    running = progress.broadcast.status is BroadcastStatus.SENDING
    markup = progress_buttons(texts, lang, progress.broadcast.id, running=running)
    await show(callback, progress_text(texts, lang, progress), markup)


@router.callback_query(BroadcastCallback.filter(F.action == BroadcastAction.CONFIRM))
async def on_confirm(
    callback: CallbackQuery,
    callback_data: BroadcastCallback,
    customer: Customer,
    start_broadcast: StartBroadcast,
    get_broadcast_progress: GetBroadcastProgress,
    texts: Texts,
) -> None:
    broadcast_id = BroadcastId(callback_data.broadcast_id)
    await start_broadcast.execute(broadcast_id)
    progress = await get_broadcast_progress.execute(broadcast_id)
    await _show_progress(callback, texts, customer.language, progress)


@router.callback_query(BroadcastCallback.filter(F.action == BroadcastAction.REFRESH))
async def on_refresh(
    callback: CallbackQuery,
    callback_data: BroadcastCallback,
    customer: Customer,
    get_broadcast_progress: GetBroadcastProgress,
    texts: Texts,
) -> None:
    progress = await get_broadcast_progress.execute(BroadcastId(callback_data.broadcast_id))
    await _show_progress(callback, texts, customer.language, progress)


@router.callback_query(BroadcastCallback.filter(F.action == BroadcastAction.CANCEL))
async def on_cancel(
    callback: CallbackQuery,
    callback_data: BroadcastCallback,
    customer: Customer,
    cancel_broadcast: CancelBroadcast,
    texts: Texts,
) -> None:
    await cancel_broadcast.execute(BroadcastId(callback_data.broadcast_id))
    lang = customer.language
    await show(callback, texts.get(lang, "adm-bc-cancelled"), back_to(texts, lang))
