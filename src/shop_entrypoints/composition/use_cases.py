"""Every use case, built once (singletons) from the ports they need.

A singleton use case never holds a unit of work: it gets the factory and opens a fresh one per
call, so concurrent updates never share a session.
"""

from __future__ import annotations

from dependency_injector import containers, providers

from shop_domain.model.shop_policy import ShopPolicy
from shop_domain.ports.clock import Clock
from shop_domain.ports.job_queue import JobQueue
from shop_domain.ports.locks import DistributedLock
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.payment_gateway import PaymentGateways
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import VpnPanel
from shop_domain.services.billing.apply_promo_code import ApplyPromoCode
from shop_domain.services.billing.confirm_payment import ConfirmPayment
from shop_domain.services.billing.create_checkout import CreateCheckout
from shop_domain.services.billing.credit_payment import PaymentCrediting
from shop_domain.services.billing.quote_order import QuoteOrder
from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_domain.services.billing.refund_payment import RefundPayment
from shop_domain.services.core.get_subscription_overview import GetSubscriptionOverview
from shop_domain.services.core.handle_panel_event import HandlePanelEvent
from shop_domain.services.core.provision_subscription import ProvisionSubscription
from shop_domain.services.core.provisioning_queue import ProvisioningQueue
from shop_domain.services.core.register_customer import RegisterCustomer
from shop_domain.services.core.retry_provisioning import RetryProvisioning
from shop_domain.services.core.start_trial import StartTrial
from shop_domain.services.core.sync_panel_users import SyncPanelUsers
from shop_domain.services.notification.expiry_reminders import ExpiryReminders


class UseCases(containers.DeclarativeContainer):
    # The ports (typing.Protocol), provided by the Adapters container.
    uow_factory: providers.Dependency[UnitOfWorkFactory] = providers.Dependency()
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
        RegisterCustomer, uow_factory, clock, notifier, apply_promo_code
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
