"""build_dispatcher: middlewares, the error router, the feature routers, and the objects
handlers receive by name.

Handlers declare `start_trial: StartTrial`, `texts: Texts`, `bot_config: BotConfig`, ... and
aiogram injects the workflow data of the same name: no `@inject`, no wiring. The names are
checked here, at startup, not at a customer's first tap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import ModuleType

from aiogram import BaseMiddleware, Dispatcher, Router
from aiogram.fsm.storage.base import BaseStorage

from shop_domain.model.customers import Language
from shop_domain.ports.cache import Cache
from shop_domain.ports.rate_limiter import RateLimiter
from shop_domain.services.admin.find_customer import FindCustomer
from shop_domain.services.admin.get_shop_statistics import GetShopStatistics
from shop_domain.services.admin.grant_days import GrantDays
from shop_domain.services.admin.list_panel_squads import ListPanelSquads
from shop_domain.services.admin.manage_campaigns import ManageCampaigns
from shop_domain.services.admin.manage_plans import ManagePlans
from shop_domain.services.admin.manage_promo_codes import ManagePromoCodes
from shop_domain.services.admin.message_customer import MessageCustomer
from shop_domain.services.admin.reset_trial import ResetTrial
from shop_domain.services.admin.set_customer_ban import SetCustomerBan
from shop_domain.services.billing.apply_promo_code import ApplyPromoCode
from shop_domain.services.billing.approve_pre_checkout import ApprovePreCheckout
from shop_domain.services.billing.confirm_bot_payment import ConfirmBotPayment
from shop_domain.services.billing.create_checkout import CreateCheckout
from shop_domain.services.billing.list_payment_options import ListPaymentOptions
from shop_domain.services.billing.list_plans import ListPlans
from shop_domain.services.billing.price_plan import PricePlan
from shop_domain.services.core.accept_terms import AcceptTerms
from shop_domain.services.core.change_language import ChangeLanguage
from shop_domain.services.core.get_referral_summary import GetReferralSummary
from shop_domain.services.core.get_subscription_overview import GetSubscriptionOverview
from shop_domain.services.core.manage_devices import ManageDevices
from shop_domain.services.core.register_customer import RegisterCustomer
from shop_domain.services.core.revoke_subscription_link import RevokeSubscriptionLink
from shop_domain.services.core.start_trial import StartTrial
from shop_domain.services.notification.cancel_broadcast import CancelBroadcast
from shop_domain.services.notification.create_broadcast import CreateBroadcast
from shop_domain.services.notification.get_broadcast_progress import GetBroadcastProgress
from shop_domain.services.notification.start_broadcast import StartBroadcast
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.middlewares.channel_gate import ChannelGate, ChannelGateMiddleware
from shop_entrypoints.telegram.middlewares.customer import CustomerMiddleware
from shop_entrypoints.telegram.middlewares.log_context import LogContextMiddleware
from shop_entrypoints.telegram.middlewares.metrics import (
    PassedThrottleMarker,
    UpdateMetricsMiddleware,
    UpdateRecorder,
)
from shop_entrypoints.telegram.middlewares.private_chats import PrivateChatsMiddleware
from shop_entrypoints.telegram.middlewares.terms_gate import TermsGateMiddleware
from shop_entrypoints.telegram.middlewares.throttling import ThrottlingMiddleware
from shop_entrypoints.telegram.routers import (
    admin,
    catalog,
    checkout,
    devices,
    errors,
    fallback,
    language,
    menu,
    my_subscription,
    promo,
    referral,
    stars_payments,
    start,
    subscription_link,
    trial,
)
from shop_entrypoints.telegram.texts import Texts

#: Every use case a handler asks for, by the parameter name handlers use.
USE_CASES: Mapping[str, type] = {
    "register_customer": RegisterCustomer,
    "accept_terms": AcceptTerms,
    "start_trial": StartTrial,
    "get_subscription_overview": GetSubscriptionOverview,
    "revoke_subscription_link": RevokeSubscriptionLink,
    "manage_devices": ManageDevices,
    "list_plans": ListPlans,
    "price_plan": PricePlan,
    "list_payment_options": ListPaymentOptions,
    "create_checkout": CreateCheckout,
    "approve_pre_checkout": ApprovePreCheckout,
    "confirm_bot_payment": ConfirmBotPayment,
    "apply_promo_code": ApplyPromoCode,
    "get_referral_summary": GetReferralSummary,
    "change_language": ChangeLanguage,
    # The admin bot (routers/admin), for `telegram.admin_ids` only.
    "get_shop_statistics": GetShopStatistics,
    "find_customer": FindCustomer,
    "grant_days": GrantDays,
    "set_customer_ban": SetCustomerBan,
    "reset_trial": ResetTrial,
    "message_customer": MessageCustomer,
    "manage_plans": ManagePlans,
    "list_panel_squads": ListPanelSquads,
    "manage_promo_codes": ManagePromoCodes,
    "manage_campaigns": ManageCampaigns,
    "create_broadcast": CreateBroadcast,
    "start_broadcast": StartBroadcast,
    "cancel_broadcast": CancelBroadcast,
    "get_broadcast_progress": GetBroadcastProgress,
}
FEATURE_ROUTERS: tuple[ModuleType, ...] = (
    stars_payments,  # first: a payment service message must never reach another handler
    start,
    menu,
    trial,
    catalog,
    checkout,
    my_subscription,
    subscription_link,
    devices,
    promo,
    referral,
    language,
    admin,  # after the customer's routers: /start and /menu win over an open admin question
)


def _check(use_cases: Mapping[str, object]) -> RegisterCustomer:
    missing = sorted(set(USE_CASES) - set(use_cases))
    if missing:
        raise ValueError(f"build_dispatcher is missing use cases: {', '.join(missing)}")
    for name, expected in USE_CASES.items():
        if not isinstance(use_cases[name], expected):
            raise TypeError(f"use case {name!r} must be a {expected.__name__}")
    register = use_cases["register_customer"]
    assert isinstance(register, RegisterCustomer)  # noqa: S101 - checked just above
    return register


def _adopt(dispatcher: Dispatcher, routers: Sequence[Router]) -> None:
    """Module-level routers have one parent; a new dispatcher (tests) takes them over."""
    for router in routers:
        previous = router.parent_router
        if previous is not None:
            previous.sub_routers.remove(router)
            router._parent_router = None
    dispatcher.include_routers(*routers)


def build_dispatcher(  # noqa: PLR0913 - keyword-only, each one a collaborator
    *,
    storage: BaseStorage,
    rate_limiter: RateLimiter,
    texts: Texts,
    config: BotConfig,
    use_cases: Mapping[str, object],
    cache: Cache | None = None,
    payment_routers: Sequence[Router] = (),
    outer_middlewares: Sequence[BaseMiddleware] = (),
    update_metrics: UpdateRecorder | None = None,
) -> Dispatcher:
    """`cache` is required with a required channel; `payment_routers` is the hook for the
    payments work (pre_checkout_query, successful_payment), included before the fallback."""
    register_customer = _check(use_cases)
    dispatcher = Dispatcher(storage=storage)
    dispatcher.workflow_data.update({**use_cases, "texts": texts, "bot_config": config})

    def throttle_notice(language_code: str | None) -> str:
        return texts.get(
            Language.from_telegram(language_code, config.default_language), "throttled"
        )

    for middleware in outer_middlewares:  # the runner's in-flight tracking goes first
        dispatcher.update.outer_middleware(middleware)
    if update_metrics is not None:  # outside the throttle, so throttled updates count too
        dispatcher.update.outer_middleware(UpdateMetricsMiddleware(update_metrics))
    dispatcher.update.outer_middleware(LogContextMiddleware())
    dispatcher.update.outer_middleware(
        PrivateChatsMiddleware(texts, config.default_language, config.admin_ids)
    )
    dispatcher.update.outer_middleware(
        ThrottlingMiddleware(rate_limiter, config.rate_limit_exempt_ids, throttle_notice)
    )
    if update_metrics is not None:
        dispatcher.update.outer_middleware(PassedThrottleMarker())
    dispatcher.update.outer_middleware(CustomerMiddleware(register_customer, texts))
    if config.required_channel_id is not None:
        if cache is None:
            raise ValueError("a required channel needs a cache for membership checks")
        gate = ChannelGate(cache, config.required_channel_id, config.channel_check_ttl_seconds)
        dispatcher.update.outer_middleware(ChannelGateMiddleware(gate, config, texts))
    if config.require_terms:
        dispatcher.update.outer_middleware(TermsGateMiddleware(config, texts))
    feature_routers = [module.router for module in FEATURE_ROUTERS]
    _adopt(dispatcher, [errors.router, *feature_routers, *payment_routers, fallback.router])
    return dispatcher
