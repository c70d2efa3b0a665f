"""The referral screen: the customer's code, how many people they invited, days earned."""

from __future__ import annotations

from dataclasses import dataclass

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.ids import CustomerId
from shop_domain.ports.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class ReferralSummary:
    referral_code: str
    invited: int
    bonus_days: int


class GetReferralSummary:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def execute(self, customer_id: CustomerId) -> ReferralSummary:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
            if customer is None:
                raise CustomerNotFoundError(str(customer_id))
            invited = await uow.customers.count_referrals(customer_id)
            bonus_days = await uow.referral_rewards.total_inviter_days(customer_id)
        return ReferralSummary(customer.referral_code, invited, bonus_days)
