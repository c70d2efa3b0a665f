"""What the container will hand build_dispatcher, built from the services' Shop harness."""

from __future__ import annotations

from typing import Any

from shop_domain.services.billing.approve_pre_checkout import ApprovePreCheckout
from shop_domain.services.billing.confirm_bot_payment import ConfirmBotPayment
from shop_domain.services.billing.list_payment_options import ListPaymentOptions
from shop_domain.services.billing.list_plans import ListPlans
from shop_domain.services.billing.price_plan import PricePlan
from shop_domain.services.core.accept_terms import AcceptTerms
from shop_domain.services.core.change_language import ChangeLanguage
from shop_domain.services.core.get_referral_summary import GetReferralSummary
from shop_domain.services.core.manage_devices import ManageDevices
from shop_domain.services.core.revoke_subscription_link import RevokeSubscriptionLink
from shop_entrypoints.telegram.bot_config import BotConfig
from tests.unit.fakes import FakePaymentGateways
from tests.unit.telegram.admin_wiring import admin_use_cases
from tests.unit.telegram.counting_shop import CountingShop

ADMIN_ID = 1


def use_cases(shop: CountingShop) -> dict[str, object]:
    gateways = FakePaymentGateways(shop.gateway, shop.stars)
    return {
        "register_customer": shop.register,
        "accept_terms": AcceptTerms(shop.uow, shop.clock),
        "start_trial": shop.start_trial,
        "get_subscription_overview": shop.overview,
        "revoke_subscription_link": RevokeSubscriptionLink(shop.uow, shop.panel),
        "manage_devices": ManageDevices(shop.uow, shop.panel),
        "list_plans": ListPlans(shop.uow),
        "price_plan": PricePlan(shop.uow, shop.quote, shop.policy),
        "list_payment_options": ListPaymentOptions(shop.uow, gateways, shop.quote, shop.policy),
        "create_checkout": shop.checkout,
        "approve_pre_checkout": ApprovePreCheckout(shop.uow, shop.clock, gateways, shop.policy),
        "confirm_bot_payment": ConfirmBotPayment(shop.uow, shop.clock, gateways, shop.confirm),
        "apply_promo_code": shop.apply_promo_code,
        "get_referral_summary": GetReferralSummary(shop.uow),
        "change_language": ChangeLanguage(shop.uow),
        **admin_use_cases(shop),
    }


def default_config(**changes: Any) -> BotConfig:
    settings: dict[str, Any] = {
        "bot_username": "shop_test_bot",
        "admin_ids": frozenset({ADMIN_ID}),
        "support_url": "https://t.me/support",
        "guide_links": {"android": "https://guides.test/android", "ios": "https://guides.test/ios"},
    }
    return BotConfig(**{**settings, **changes})
