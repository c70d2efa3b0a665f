"""RegisterCustomer with a CustomerLookup: a returning customer costs the lookup and no unit
of work; everything else takes the unit-of-work path exactly as without one."""

from __future__ import annotations

from dataclasses import dataclass, field

from shop_domain.events import CustomerRegistered
from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId, PromoCodeId
from shop_domain.model.promo_codes import PromoCode, PromoKind
from shop_domain.ports.unit_of_work import UnitOfWork
from shop_domain.services.core.register_customer import (
    RegisterCustomer,
    RegisterCustomerRequest,
)
from tests.fakes.memory_store import MemoryStore, MemoryUnitOfWork
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import Shop


@dataclass
class StoreLookup:
    """The committed customer, as the SQL lookup reads it, counting reads."""

    store: MemoryStore
    reads: list[CustomerId] = field(default_factory=list)

    async def get(self, customer_id: CustomerId) -> Customer | None:
        self.reads.append(customer_id)
        async with MemoryUnitOfWork(self.store) as uow:
            return await uow.customers.get(customer_id)


@dataclass
class Counted:
    shop: Shop
    opened: int = 0

    def __call__(self) -> UnitOfWork:
        self.opened += 1
        return self.shop.uow()


def register(shop: Shop) -> tuple[RegisterCustomer, StoreLookup, Counted]:
    lookup, uows = StoreLookup(shop.store), Counted(shop)
    use_case = RegisterCustomer(
        uows, shop.clock, shop.notifier, shop.apply_promo_code, lookup=lookup
    )
    return use_case, lookup, uows


async def test_returning_customer_costs_one_lookup_and_no_unit_of_work(shop: Shop) -> None:
    known = await shop.add_customer(7, username="alice", first_name="Alice")
    use_case, lookup, uows = register(shop)

    result = await use_case.execute(
        RegisterCustomerRequest(telegram_id=7, username="alice", first_name="Alice")
    )

    assert result.customer == known
    assert not result.is_new
    assert lookup.reads == [CustomerId(7)]
    assert uows.opened == 0
    assert not shop.notifier.of_type(CustomerRegistered)


async def test_changed_profile_is_saved_through_a_unit_of_work(shop: Shop) -> None:
    await shop.add_customer(7, username="alice")
    use_case, _, uows = register(shop)
    commits = shop.store.commits

    result = await use_case.execute(RegisterCustomerRequest(telegram_id=7, username="bob"))

    assert result.customer.username == "bob"
    assert uows.opened == 1
    assert shop.store.commits == commits + 1
    async with shop.uow() as uow:
        stored = await uow.customers.get(CustomerId(7))
    assert stored is not None
    assert stored.username == "bob"


async def test_new_customer_is_registered_and_announced(shop: Shop) -> None:
    use_case, lookup, uows = register(shop)

    result = await use_case.execute(RegisterCustomerRequest(telegram_id=9, language_code="en"))

    assert result.is_new
    assert lookup.reads == [CustomerId(9)]
    assert uows.opened == 1
    assert shop.notifier.of_type(CustomerRegistered)


async def test_returning_customer_still_redeems_a_promo_link(shop: Shop) -> None:
    await shop.add_customer(7)
    async with shop.uow() as uow:
        await uow.promo_codes.add(PromoCode(PromoCodeId("p1"), "GIFT", PromoKind.BONUS_DAYS, 5, T0))
        await uow.commit()
    use_case, _, _ = register(shop)

    request = RegisterCustomerRequest(telegram_id=7, start_payload="promo_gift")
    result = await use_case.execute(request)

    assert not result.is_new
    assert result.promo is not None
    assert result.promo.value == 5
