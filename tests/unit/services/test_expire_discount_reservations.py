from __future__ import annotations

from shop_domain.model.ids import CustomerId, PromoCodeId
from shop_domain.model.promo_codes import ActivationStatus, PromoCode, PromoKind
from shop_domain.services.billing.apply_promo_code import ApplyPromoCodeRequest
from shop_domain.services.billing.expire_discount_reservations import ExpireDiscountReservations
from tests.unit.services.shop_harness import Shop


async def test_an_unused_reservation_is_released_and_its_activation_given_back(
    shop: Shop,
) -> None:
    await shop.add_customer(1)
    code = PromoCode(
        id=PromoCodeId("p1"),
        code="SALE",
        kind=PromoKind.DISCOUNT_PERCENT,
        value=20,
        created_at=shop.clock.now(),
        max_activations=1,
        reservation_minutes=30,
    )
    async with shop.uow() as uow:
        await uow.promo_codes.add(code)
        await uow.commit()
    await shop.apply_promo_code.execute(ApplyPromoCodeRequest(CustomerId(1), "SALE"))
    expire = ExpireDiscountReservations(shop.uow, shop.clock)
    assert await expire.execute() == 0
    shop.clock.advance(minutes=31)
    assert await expire.execute() == 1
    async with shop.uow() as uow:
        activation = await uow.promo_codes.get_activation(code.id, CustomerId(1))
        stored = await uow.promo_codes.get(code.id)
    assert activation is not None
    assert activation.status is ActivationStatus.RELEASED
    assert stored is not None
    assert stored.activations == 0
    assert await expire.execute() == 0
