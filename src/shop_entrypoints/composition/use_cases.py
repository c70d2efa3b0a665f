"""Every use case, built once (singletons) from the ports they need.

A singleton use case never holds a unit of work: it gets the factory and opens a fresh one per
call, so concurrent updates never share a session.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.clock import Clock
from shop_domain.ports.customer_lookup import CustomerLookup
from shop_domain.ports.job_queue import JobQueue
from shop_domain.ports.locks import DistributedLock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.payment_gateway import PaymentGateways
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import VpnPanel
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
from shop_domain.services.billing.confirm_payment import ConfirmPayment
from shop_domain.services.billing.create_checkout import CreateCheckout
from shop_domain.services.billing.credit_payment import PaymentCrediting
from shop_domain.services.billing.list_payment_options import ListPaymentOptions
from shop_domain.services.billing.list_plans import ListPlans
from shop_domain.services.billing.price_plan import PricePlan
from shop_domain.services.billing.quote_order import QuoteOrder
from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_domain.services.billing.refund_payment import RefundPayment
from shop_domain.services.core.accept_terms import AcceptTerms
from shop_domain.services.core.change_language import ChangeLanguage
from shop_domain.services.core.get_referral_summary import GetReferralSummary
from shop_domain.services.core.get_subscription_overview import GetSubscriptionOverview
from shop_domain.services.core.handle_panel_event import HandlePanelEvent
from shop_domain.services.core.manage_devices import ManageDevices
from shop_domain.services.core.provision_subscription import ProvisionSubscription
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from shop_domain.services.core.register_customer import RegisterCustomer
from shop_domain.services.core.retry_provisioning import RetryProvisioning
from shop_domain.services.core.revoke_subscription_link import RevokeSubscriptionLink
from shop_domain.services.core.start_trial import StartTrial
from shop_domain.services.core.sync_panel_users import SyncPanelUsers
from shop_domain.services.notification.cancel_broadcast import CancelBroadcast
from shop_domain.services.notification.create_broadcast import CreateBroadcast
from shop_domain.services.notification.expiry_reminders import ExpiryReminders
from shop_domain.services.notification.get_broadcast_progress import GetBroadcastProgress
from shop_domain.services.notification.start_broadcast import StartBroadcast


class UseCases(containers.DeclarativeContainer):
    # The ports (typing.Protocol), provided by the Adapters container.
    uow_factory: providers.Dependency[UnitOfWorkFactory] = providers.Dependency()
    customer_lookup: providers.Dependency[CustomerLookup | None] = providers.Dependency()
    clock: providers.Dependency[Clock] = providers.Dependency()
    panel: providers.Dependency[VpnPanel] = providers.Dependency()
    notifier: providers.Dependency[Notifier] = providers.Dependency()
    job_queue: providers.Dependency[JobQueue] = providers.Dependency()
    locks: providers.Dependency[DistributedLock] = providers.Dependency()
    gateways: providers.Dependency[PaymentGateways] = providers.Dependency()
    policy: providers.Dependency[ShopPolicy] = providers.Dependency()

    provisioning_queue = providers.Singleton(ProvisioningQueue, job_queue)
    provision_subscription = providers.Singleton(
        ProvisionSubscription, uow_factory, panel, clock, notifier
    )
    retry_provisioning = providers.Singleton(
        RetryProvisioning, uow_factory, clock, provision_subscription
    )
    apply_promo_code = providers.Singleton(
        ApplyPromoCode, uow_factory, clock, policy, provisioning_queue
    )
    register_customer = providers.Singleton(
        RegisterCustomer, uow_factory, clock, notifier, apply_promo_code, lookup=customer_lookup
    )
    start_trial = providers.Singleton(
        StartTrial, uow_factory, clock, policy, provision_subscription, notifier
    )
    get_subscription_overview = providers.Singleton(
        GetSubscriptionOverview, uow_factory, panel, clock
    )
    quote_order = providers.Singleton(QuoteOrder, uow_factory, clock)
    create_checkout = providers.Singleton(
        CreateCheckout, uow_factory, clock, gateways, quote_order, policy, locks
    )
    confirm_payment = providers.Singleton(
        ConfirmPayment,
        uow_factory,
        clock,
        providers.Singleton(PaymentCrediting, policy),
        provisioning_queue,
        notifier,
    )
    refund_payment = providers.Singleton(
        RefundPayment, uow_factory, clock, gateways, provisioning_queue, notifier
    )
    record_rejected_notification = providers.Singleton(
        RecordRejectedNotification, uow_factory, clock
    )
    expiry_reminders = providers.Singleton(ExpiryReminders, uow_factory, clock, notifier)
    handle_panel_event = providers.Singleton(
        HandlePanelEvent,
        uow_factory,
        panel,
        clock,
        notifier,
        expiry_reminders,
        provisioning_queue,
    )
    sync_panel_users = providers.Singleton(SyncPanelUsers, uow_factory, panel)

    # The bot's screens (queries and small commands).
    accept_terms = providers.Singleton(AcceptTerms, uow_factory, clock)
    revoke_subscription_link = providers.Singleton(RevokeSubscriptionLink, uow_factory, panel)
    manage_devices = providers.Singleton(ManageDevices, uow_factory, panel)
    list_plans = providers.Singleton(ListPlans, uow_factory)
    price_plan = providers.Singleton(PricePlan, uow_factory, quote_order, policy)
    list_payment_options = providers.Singleton(
        ListPaymentOptions, uow_factory, gateways, quote_order, policy
    )
    get_referral_summary = providers.Singleton(GetReferralSummary, uow_factory)
    change_language = providers.Singleton(ChangeLanguage, uow_factory)
    approve_pre_checkout = providers.Singleton(
        ApprovePreCheckout, uow_factory, clock, gateways, policy
    )
    confirm_bot_payment = providers.Singleton(
        ConfirmBotPayment, uow_factory, clock, gateways, confirm_payment
    )

    # The admin bot (telegram/routers/admin).
    get_shop_statistics = providers.Singleton(GetShopStatistics, uow_factory, panel, clock)
    find_customer = providers.Singleton(FindCustomer, uow_factory)
    grant_days = providers.Singleton(GrantDays, uow_factory, clock, policy, provisioning_queue)
    set_customer_ban = providers.Singleton(SetCustomerBan, uow_factory, clock, provisioning_queue)
    reset_trial = providers.Singleton(ResetTrial, uow_factory)
    message_customer = providers.Singleton(MessageCustomer, uow_factory, notifier)
    manage_plans = providers.Singleton(ManagePlans, uow_factory)
    list_panel_squads = providers.Singleton(ListPanelSquads, panel)
    manage_promo_codes = providers.Singleton(ManagePromoCodes, uow_factory, clock)
    manage_campaigns = providers.Singleton(ManageCampaigns, uow_factory, clock)

    # The admin's broadcasts (telegram/routers/admin/broadcast*.py); the workers send them.
    create_broadcast = providers.Singleton(CreateBroadcast, uow_factory, clock)
    start_broadcast = providers.Singleton(StartBroadcast, uow_factory, clock, job_queue)
    cancel_broadcast = providers.Singleton(CancelBroadcast, uow_factory, clock, notifier)
    get_broadcast_progress = providers.Singleton(GetBroadcastProgress, uow_factory)
