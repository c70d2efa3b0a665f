"""The admin bot: one router, open to `telegram.admin_ids` only, over one small router per
section. ShopErrors of admin actions are answered in operator terms (AdminErrorsMiddleware)."""

from __future__ import annotations

from aiogram import Router

from shop_entrypoints.telegram.routers.admin import (
    broadcast,
    broadcast_progress,
    campaigns,
    customer_actions,
    customer_input,
    customers,
    menu,
    plan_editor,
    plans,
    promo_codes,
    promo_input,
    statistics,
)
from shop_entrypoints.telegram.routers.admin.access import admin_only
from shop_entrypoints.telegram.routers.admin.errors import AdminErrorsMiddleware

SECTION_ROUTERS = (
    menu,
    statistics,
    customers,
    customer_actions,
    customer_input,
    plans,
    plan_editor,
    promo_codes,
    promo_input,
    campaigns,
    broadcast,
    broadcast_progress,
)

router = admin_only(Router(name=__name__))
router.message.middleware(AdminErrorsMiddleware())
router.callback_query.middleware(AdminErrorsMiddleware())
router.include_routers(*(module.router for module in SECTION_ROUTERS))
