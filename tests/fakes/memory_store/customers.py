from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from shop_domain.errors import ConcurrentUpdateError
from shop_domain.model.campaigns import AdCampaign, CampaignStats
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CampaignId, CustomerId, PlanId
from shop_domain.model.money import Money
from shop_domain.model.payments import CREDITED
from shop_domain.model.plans import Plan
from tests.fakes.memory_store.store import MemoryState


class MemoryCustomerRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def get(self, customer_id: CustomerId) -> Customer | None:
        return self._state.customers.get(customer_id)

    async def get_many(self, ids: Sequence[CustomerId]) -> Mapping[CustomerId, Customer]:
        return {i: self._state.customers[i] for i in ids if i in self._state.customers}

    async def get_by_referral_code(self, code: str) -> Customer | None:
        return next((c for c in self._state.customers.values() if c.referral_code == code), None)

    async def get_by_username(self, username: str) -> Customer | None:
        wanted = username.lstrip("@").lower()
        return next(
            (c for c in self._state.customers.values() if (c.username or "").lower() == wanted),
            None,
        )

    async def add(self, customer: Customer) -> None:
        if customer.id in self._state.customers or await self.get_by_referral_code(
            customer.referral_code
        ):
            raise ConcurrentUpdateError(f"customer {customer.id} exists")
        self._state.customers[customer.id] = customer

    async def update(self, customer: Customer) -> None:
        self._state.customers[customer.id] = customer

    async def count_referrals(self, inviter: CustomerId) -> int:
        return sum(1 for c in self._state.customers.values() if c.referred_by == inviter)

    async def count_created_since(self, since: datetime | None) -> int:
        return sum(
            1 for c in self._state.customers.values() if since is None or c.created_at >= since
        )


class MemoryPlanRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def get(self, plan_id: PlanId) -> Plan | None:
        return self._state.plans.get(plan_id)

    async def list_all(self) -> Sequence[Plan]:
        return sorted(self._state.plans.values(), key=lambda p: (p.sort_order, p.name))

    async def save(self, plan: Plan) -> None:
        self._state.plans[plan.id] = plan


class MemoryCampaignRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def get(self, campaign_id: CampaignId) -> AdCampaign | None:
        return self._state.campaigns.get(campaign_id)

    async def get_by_code(self, code: str) -> AdCampaign | None:
        return next((c for c in self._state.campaigns.values() if c.code == code), None)

    async def add(self, campaign: AdCampaign) -> None:
        if await self.get_by_code(campaign.code):
            raise ConcurrentUpdateError(f"campaign {campaign.code} exists")
        self._state.campaigns[campaign.id] = campaign

    async def list_all(self) -> Sequence[AdCampaign]:
        return sorted(self._state.campaigns.values(), key=lambda c: c.created_at)

    async def stats(self, campaign_id: CampaignId) -> CampaignStats | None:
        campaign = self._state.campaigns.get(campaign_id)
        if campaign is None:
            return None
        members = {c.id for c in self._state.customers.values() if c.campaign_id == campaign_id}
        trials = sum(
            1 for c in self._state.customers.values() if c.id in members and c.has_used_trial
        )
        paid = [
            p
            for p in self._state.payments.values()
            if p.customer_id in members and p.status in CREDITED
        ]
        revenue: dict[str, Money] = {}
        for payment in paid:
            current = revenue.get(payment.amount.currency, Money.zero(payment.amount.currency))
            revenue[payment.amount.currency] = current + payment.amount
        return CampaignStats(
            campaign=campaign,
            starts=len(members),
            trials=trials,
            purchases=len(paid),
            revenue=tuple(revenue[c] for c in sorted(revenue)),
        )
