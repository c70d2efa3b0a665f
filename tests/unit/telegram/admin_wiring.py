"""The admin use cases the container hands build_dispatcher, over the same Shop harness."""

from __future__ import annotations

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
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from shop_domain.services.notification.cancel_broadcast import CancelBroadcast
from shop_domain.services.notification.create_broadcast import CreateBroadcast
from shop_domain.services.notification.get_broadcast_progress import GetBroadcastProgress
from shop_domain.services.notification.start_broadcast import StartBroadcast
from tests.unit.services.shop_harness import Shop


def admin_use_cases(shop: Shop) -> dict[str, object]:
    queue = ProvisioningQueue(shop.job_queue)
    return {
        "get_shop_statistics": GetShopStatistics(shop.uow, shop.panel, shop.clock),
        "find_customer": FindCustomer(shop.uow),
        "grant_days": GrantDays(shop.uow, shop.clock, shop.policy, queue),
        "set_customer_ban": SetCustomerBan(shop.uow, shop.clock, queue),
        "reset_trial": ResetTrial(shop.uow),
        "message_customer": MessageCustomer(shop.uow, shop.notifier),
        "manage_plans": ManagePlans(shop.uow),
        "list_panel_squads": ListPanelSquads(shop.panel),
        "manage_promo_codes": ManagePromoCodes(shop.uow, shop.clock),
        "manage_campaigns": ManageCampaigns(shop.uow, shop.clock),
        "create_broadcast": CreateBroadcast(shop.uow, shop.clock),
        "start_broadcast": StartBroadcast(shop.uow, shop.clock, shop.job_queue),
        "cancel_broadcast": CancelBroadcast(shop.uow, shop.clock, shop.notifier),
        "get_broadcast_progress": GetBroadcastProgress(shop.uow),
    }
