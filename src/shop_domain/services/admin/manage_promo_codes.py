"""Promo codes for operators: create one, generate many, list, disable, export as CSV."""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass
from datetime import datetime

from shop_domain.errors import ConcurrentUpdateError, InvalidPromoCodeError, PromoCodeNotFoundError
from shop_domain.model.ids import PlanId, PromoCodeId
from shop_domain.model.promo_codes import PromoCode, PromoKind, normalise_code
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.ids import new_id

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_BATCH = 1000


@dataclass(frozen=True, slots=True)
class PromoTerms:
    kind: PromoKind
    value: int
    max_activations: int | None = None
    valid_until: datetime | None = None
    plan_ids: frozenset[PlanId] = frozenset()
    new_customers_only: bool = False
    reservation_minutes: int = 30


class ManagePromoCodes:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    def _build(self, code: str, terms: PromoTerms) -> PromoCode:
        return PromoCode(
            id=PromoCodeId(new_id()),
            code=normalise_code(code),
            kind=terms.kind,
            value=terms.value,
            created_at=self._clock.now(),
            max_activations=terms.max_activations,
            valid_until=terms.valid_until,
            plan_ids=terms.plan_ids,
            new_customers_only=terms.new_customers_only,
            reservation_minutes=terms.reservation_minutes,
        )

    async def create(self, code: str, terms: PromoTerms) -> PromoCode:
        promo = self._build(code, terms)
        async with self._uow_factory() as uow:
            if await uow.promo_codes.get_by_code(promo.code) is not None:
                raise InvalidPromoCodeError(f"{promo.code} exists")
            await uow.promo_codes.add(promo)
            await uow.commit()
        return promo

    async def generate(self, prefix: str, count: int, terms: PromoTerms) -> list[PromoCode]:
        """`count` single-use-per-customer codes `PREFIX-XXXXXXXX`, stored in one transaction."""
        if not 0 < count <= MAX_BATCH:
            raise InvalidPromoCodeError(f"generate between 1 and {MAX_BATCH} codes")
        base = normalise_code(prefix)
        codes = {f"{base}-{_random_suffix()}" if base else _random_suffix() for _ in range(count)}
        while len(codes) < count:
            codes.add(f"{base}-{_random_suffix()}")
        promos = [self._build(code, terms) for code in sorted(codes)]
        async with self._uow_factory() as uow:
            for promo in promos:
                await uow.promo_codes.add(promo)
            try:
                await uow.commit()
            except ConcurrentUpdateError:
                raise InvalidPromoCodeError("a generated code collided; generate again") from None
        return promos

    async def list_codes(self) -> list[PromoCode]:
        async with self._uow_factory() as uow:
            return list(await uow.promo_codes.list_all())

    async def disable(self, code: str) -> PromoCode:
        async with self._uow_factory() as uow:
            promo = await uow.promo_codes.get_by_code(normalise_code(code))
            if promo is None:
                raise PromoCodeNotFoundError(code)
            disabled = promo.disable()
            await uow.promo_codes.update(disabled)
            await uow.commit()
        return disabled

    async def export_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            ["code", "kind", "value", "activations", "max_activations", "valid_until", "active"]
        )
        for promo in await self.list_codes():
            writer.writerow(
                [
                    promo.code,
                    promo.kind.value,
                    promo.value,
                    promo.activations,
                    "" if promo.max_activations is None else promo.max_activations,
                    "" if promo.valid_until is None else promo.valid_until.isoformat(),
                    "yes" if promo.is_active else "no",
                ]
            )
        return out.getvalue()


def _random_suffix(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
