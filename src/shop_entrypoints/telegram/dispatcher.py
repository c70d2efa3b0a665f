"""build_dispatcher: middlewares, the error router, the feature routers, and the objects
handlers receive by name.

Handlers declare `start_trial: StartTrial`, `texts: Texts`, `bot_config: BotConfig`, ... and
aiogram injects the workflow data of the same name: no `@inject`, no wiring. The names are
checked here, at startup, not at a customer's first tap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import ModuleType

from aiogram import Dispatcher, Router
from aiogram.fsm.storage.base import BaseStorage

from shop_domain.model.customers import Language
from shop_domain.ports.cache import Cache
from shop_domain.ports.rate_limiter import RateLimiter
from shop_domain.services.billing.apply_promo_code import ApplyPromoCode
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
from shop_entrypoints.telegram.bot_config import BotConfig
from shop_entrypoints.telegram.middlewares.channel_gate import ChannelGate, ChannelGateMiddleware
from shop_entrypoints.telegram.middlewares.customer import CustomerMiddleware
from shop_entrypoints.telegram.middlewares.log_context import LogContextMiddleware
from shop_entrypoints.telegram.middlewares.throttling import ThrottlingMiddleware
from shop_entrypoints.telegram.routers import (
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
    "apply_promo_code": ApplyPromoCode,
    "get_referral_summary": GetReferralSummary,
    "change_language": ChangeLanguage,
}
FEATURE_ROUTERS: tuple[ModuleType, ...] = (
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


def build_dispatcher(
    *,
    storage: BaseStorage,
    rate_limiter: RateLimiter,
    texts: Texts,
    config: BotConfig,
    use_cases: Mapping[str, object],
    cache: Cache | None = None,
    payment_routers: Sequence[Router] = (),
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

    dispatcher.update.outer_middleware(LogContextMiddleware())
    dispatcher.update.outer_middleware(
        ThrottlingMiddleware(rate_limiter, config.admin_ids, throttle_notice)
    )
    dispatcher.update.outer_middleware(CustomerMiddleware(register_customer, texts))
    if config.required_channel_id is not None:
        if cache is None:
            raise ValueError("a required channel needs a cache for membership checks")
        gate = ChannelGate(cache, config.required_channel_id, config.channel_check_ttl_seconds)
        dispatcher.update.outer_middleware(ChannelGateMiddleware(gate, config, texts))
    feature_routers = [module.router for module in FEATURE_ROUTERS]
    _adopt(dispatcher, [errors.router, *feature_routers, *payment_routers, fallback.router])
    return dispatcher
