"""ChangeLanguage and AcceptTerms: small writes on the customer."""

import pytest

from shop_domain.errors import CustomerNotFoundError
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId
from shop_domain.services.core.accept_terms import AcceptTerms
from shop_domain.services.core.change_language import ChangeLanguage
from tests.unit.fakes import T0
from tests.unit.services.shop_harness import Shop


async def test_language_is_persisted(shop: Shop) -> None:
    await shop.add_customer(1)
    changed = await ChangeLanguage(shop.uow).execute(CustomerId(1), Language.RU)
    assert changed.language is Language.RU
    assert shop.store.state.customers[CustomerId(1)].language is Language.RU


async def test_same_language_writes_nothing(shop: Shop) -> None:
    await shop.add_customer(1)
    commits = shop.store.commits
    await ChangeLanguage(shop.uow).execute(CustomerId(1), Language.EN)
    assert shop.store.commits == commits


async def test_terms_are_accepted_once(shop: Shop) -> None:
    await shop.add_customer(1)
    accept = AcceptTerms(shop.uow, shop.clock)
    first = await accept.execute(CustomerId(1))
    shop.clock.advance(hours=1)
    second = await accept.execute(CustomerId(1))
    assert first.terms_accepted_at == second.terms_accepted_at == T0


async def test_unknown_customer(shop: Shop) -> None:
    with pytest.raises(CustomerNotFoundError):
        await AcceptTerms(shop.uow, shop.clock).execute(CustomerId(9))
    with pytest.raises(CustomerNotFoundError):
        await ChangeLanguage(shop.uow).execute(CustomerId(9), Language.RU)
