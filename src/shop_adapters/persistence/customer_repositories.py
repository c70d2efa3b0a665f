"""Customers, plans and ad campaigns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import func, insert, select, update

from shop_adapters.persistence.mappers import (
    campaign_from_row,
    customer_from_row,
    customer_to_columns,
    plan_from_row,
    plan_to_columns,
)
from shop_adapters.persistence.repository_base import SqlRepository
from shop_adapters.persistence.tables import CampaignRow, CustomerRow, PaymentRow, PlanRow, table_of
from shop_domain.model.campaigns import AdCampaign, CampaignStats
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CampaignId, CustomerId, PlanId
from shop_domain.model.money import Money
from shop_domain.model.payments import CREDITED
from shop_domain.model.plans import Plan

customers = table_of(CustomerRow)
plans = table_of(PlanRow)
campaigns = table_of(CampaignRow)
payments = table_of(PaymentRow)


class SqlAlchemyCustomerRepository(SqlRepository):
    async def get(self, customer_id: CustomerId) -> Customer | None:
        row = (await self._execute(select(customers).where(customers.c.id == customer_id))).first()
        return None if row is None else customer_from_row(row)

    async def get_many(self, ids: Sequence[CustomerId]) -> Mapping[CustomerId, Customer]:
        if not ids:
            return {}
        result = await self._execute(select(customers).where(customers.c.id.in_(ids)))
        return {CustomerId(row.id): customer_from_row(row) for row in result}

    async def get_by_referral_code(self, code: str) -> Customer | None:
        statement = select(customers).where(customers.c.referral_code == code)
        row = (await self._execute(statement)).first()
        return None if row is None else customer_from_row(row)

    async def get_by_username(self, username: str) -> Customer | None:
        wanted = username.lstrip("@").lower()
        statement = select(customers).where(func.lower(customers.c.username) == wanted).limit(1)
        row = (await self._execute(statement)).first()
        return None if row is None else customer_from_row(row)

    async def add(self, customer: Customer) -> None:
        await self._execute(insert(customers).values(customer_to_columns(customer)))

    async def update(self, customer: Customer) -> None:
        values = customer_to_columns(customer)
        await self._execute(update(customers).where(customers.c.id == customer.id).values(values))

    async def count_referrals(self, inviter: CustomerId) -> int:
        statement = select(func.count()).where(customers.c.referred_by == inviter)
        return int((await self._execute(statement)).scalar_one())

    async def count_created_since(self, since: datetime | None) -> int:
        statement = select(func.count()).select_from(customers)
        if since is not None:
            statement = statement.where(customers.c.created_at >= since)
        return int((await self._execute(statement)).scalar_one())


class SqlAlchemyPlanRepository(SqlRepository):
    async def get(self, plan_id: PlanId) -> Plan | None:
        row = (await self._execute(select(plans).where(plans.c.id == plan_id))).first()
        return None if row is None else plan_from_row(row)

    async def list_all(self) -> Sequence[Plan]:
        result = await self._execute(select(plans).order_by(plans.c.sort_order, plans.c.name))
        return [plan_from_row(row) for row in result]

    async def save(self, plan: Plan) -> None:
        values = plan_to_columns(plan)
        changed = await self._execute(
            update(plans).where(plans.c.id == plan.id).values(values).returning(plans.c.id)
        )
        if changed.first() is None:
            await self._execute(insert(plans).values(values))


class SqlAlchemyCampaignRepository(SqlRepository):
    async def get(self, campaign_id: CampaignId) -> AdCampaign | None:
        row = (await self._execute(select(campaigns).where(campaigns.c.id == campaign_id))).first()
        return None if row is None else campaign_from_row(row)

    async def get_by_code(self, code: str) -> AdCampaign | None:
        row = (await self._execute(select(campaigns).where(campaigns.c.code == code))).first()
        return None if row is None else campaign_from_row(row)

    async def add(self, campaign: AdCampaign) -> None:
        await self._execute(
            insert(campaigns).values(
                id=campaign.id,
                code=campaign.code,
                name=campaign.name,
                created_at=campaign.created_at,
                is_active=campaign.is_active,
            )
        )

    async def list_all(self) -> Sequence[AdCampaign]:
        result = await self._execute(select(campaigns).order_by(campaigns.c.created_at))
        return [campaign_from_row(row) for row in result]

    async def stats(self, campaign_id: CampaignId) -> CampaignStats | None:
        campaign = await self.get(campaign_id)
        if campaign is None:
            return None
        members = select(
            func.count(), func.count().filter(customers.c.has_used_trial.is_(True))
        ).where(customers.c.campaign_id == campaign_id)
        ((starts, trials),) = await self._tuples(members)
        revenue = (
            select(payments.c.currency, func.count(), func.sum(payments.c.amount_minor))
            .join(customers, customers.c.id == payments.c.customer_id)
            .where(customers.c.campaign_id == campaign_id)
            .where(payments.c.status.in_([s.value for s in CREDITED]))
            .group_by(payments.c.currency)
            .order_by(payments.c.currency)
        )
        rows = await self._tuples(revenue)
        return CampaignStats(
            campaign=campaign,
            starts=int(starts),
            trials=int(trials),
            purchases=sum(int(count) for _, count, _ in rows),
            revenue=tuple(Money.from_minor(int(total), currency) for currency, _, total in rows),
        )
