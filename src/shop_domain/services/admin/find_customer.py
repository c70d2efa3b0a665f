"""Customer search for operators: by Telegram id or @username, to a card with everything."""

from __future__ import annotations

from dataclasses import dataclass

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId
from shop_domain.model.payments import Payment
from shop_domain.model.subscriptions import Subscription
from shop_domain.ports.unit_of_work import UnitOfWorkFactory

RECENT_PAYMENTS = 10
MAX_TELEGRAM_ID = 2**63 - 1  # a BIGINT column


@dataclass(frozen=True, slots=True)
class CustomerCard:
    customer: Customer
    subscription: Subscription | None
    payments: tuple[Payment, ...]
    referrals: int
    referral_days_earned: int


class FindCustomer:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def execute(self, query: str) -> CustomerCard:
        """`query` is a Telegram id (digits) or a username (with or without @)."""
        wanted = query.strip()
        username = wanted.removeprefix("@")
        async with self._uow_factory() as uow:
            if wanted.isdigit():
                number = int(wanted)
                found = number <= MAX_TELEGRAM_ID
                customer = await uow.customers.get(CustomerId(number)) if found else None
            else:
                customer = await uow.customers.get_by_username(username) if username else None
            if customer is None:
                raise CustomerNotFoundError(wanted)
            return CustomerCard(
                customer=customer,
                subscription=await uow.subscriptions.get_by_customer(customer.id),
                payments=tuple(await uow.payments.list_for_customer(customer.id, RECENT_PAYMENTS)),
                referrals=await uow.customers.count_referrals(customer.id),
                referral_days_earned=await uow.referral_rewards.total_inviter_days(customer.id),
            )
