"""The in-memory state shared by every MemoryUnitOfWork of one test."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime

from shop_domain.model.broadcasts import Broadcast, BroadcastId, DeliveryStatus
from shop_domain.model.campaigns import AdCampaign
from shop_domain.model.customers import Customer
from shop_domain.model.ids import (
    CampaignId,
    CustomerId,
    OrderId,
    PaymentId,
    PlanId,
    PromoCodeId,
    SubscriptionId,
)
from shop_domain.model.orders import Order
from shop_domain.model.payments import Payment
from shop_domain.model.plans import Plan
from shop_domain.model.promo_codes import PromoActivation, PromoCode
from shop_domain.model.provider_events import ProviderEvent
from shop_domain.model.provisioning import ProvisioningJob
from shop_domain.model.referrals import ReferralReward
from shop_domain.model.subscriptions import Subscription


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    status: DeliveryStatus
    updated_at: datetime


@dataclass
class MemoryState:
    customers: dict[CustomerId, Customer] = field(default_factory=dict)
    plans: dict[PlanId, Plan] = field(default_factory=dict)
    subscriptions: dict[SubscriptionId, Subscription] = field(default_factory=dict)
    orders: dict[OrderId, Order] = field(default_factory=dict)
    payments: dict[PaymentId, Payment] = field(default_factory=dict)
    events: dict[tuple[str, str], ProviderEvent] = field(default_factory=dict)
    promo_codes: dict[PromoCodeId, PromoCode] = field(default_factory=dict)
    activations: dict[tuple[PromoCodeId, CustomerId], PromoActivation] = field(default_factory=dict)
    rewards: dict[PaymentId, ReferralReward] = field(default_factory=dict)
    campaigns: dict[CampaignId, AdCampaign] = field(default_factory=dict)
    outbox: dict[str, ProvisioningJob] = field(default_factory=dict)
    broadcasts: dict[BroadcastId, Broadcast] = field(default_factory=dict)
    deliveries: dict[tuple[BroadcastId, CustomerId], DeliveryRecord] = field(default_factory=dict)

    def snapshot(self) -> MemoryState:
        return MemoryState(**{name: dict(value) for name, value in vars(self).items()})


class MemoryStore:
    """One database: units of work run one at a time, like SQLite's serialised writers."""

    def __init__(self) -> None:
        self.state = MemoryState()
        self.lock = asyncio.Lock()
        self.commits = 0
