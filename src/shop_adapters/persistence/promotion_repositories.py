"""Promo codes (atomic activation counter) and referral rewards."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, insert, or_, select, update

from shop_adapters.persistence.billing_mappers import (
    activation_from_row,
    activation_to_columns,
    promo_code_from_row,
    promo_code_to_columns,
    reward_from_row,
    reward_to_columns,
)
from shop_adapters.persistence.repository_base import SqlRepository
from shop_adapters.persistence.tables import (
    PromoActivationRow,
    PromoCodeRow,
    ReferralRewardRow,
    table_of,
)
from shop_domain.model.ids import CustomerId, PaymentId, PromoCodeId
from shop_domain.model.promo_codes import ActivationStatus, PromoActivation, PromoCode
from shop_domain.model.referrals import ReferralReward

codes = table_of(PromoCodeRow)
activations = table_of(PromoActivationRow)
rewards = table_of(ReferralRewardRow)
RESERVED = ActivationStatus.RESERVED.value


class SqlAlchemyPromoCodeRepository(SqlRepository):
    async def get(self, promo_code_id: PromoCodeId) -> PromoCode | None:
        row = (await self._execute(select(codes).where(codes.c.id == promo_code_id))).first()
        return None if row is None else promo_code_from_row(row)

    async def get_by_code(self, code: str) -> PromoCode | None:
        row = (await self._execute(select(codes).where(codes.c.code == code))).first()
        return None if row is None else promo_code_from_row(row)

    async def add(self, code: PromoCode) -> None:
        await self._execute(insert(codes).values(promo_code_to_columns(code)))

    async def update(self, code: PromoCode) -> None:
        values = promo_code_to_columns(code)
        del values["activations"]  # the counter only moves through claim/release
        await self._execute(update(codes).where(codes.c.id == code.id).values(values))

    async def list_all(self) -> Sequence[PromoCode]:
        result = await self._execute(select(codes).order_by(codes.c.created_at, codes.c.code))
        return [promo_code_from_row(row) for row in result]

    async def claim_activation(self, promo_code_id: PromoCodeId) -> bool:
        """One UPDATE, no read-modify-write: concurrent claims cannot exceed the limit."""
        statement = (
            update(codes)
            .where(codes.c.id == promo_code_id, codes.c.is_active.is_(True))
            .where(
                or_(
                    codes.c.max_activations.is_(None),
                    codes.c.activations < codes.c.max_activations,
                )
            )
            .values(activations=codes.c.activations + 1)
            .returning(codes.c.id)
        )
        return (await self._execute(statement)).first() is not None

    async def release_activation(self, promo_code_id: PromoCodeId) -> None:
        await self._execute(
            update(codes)
            .where(codes.c.id == promo_code_id, codes.c.activations > 0)
            .values(activations=codes.c.activations - 1)
        )

    async def add_activation(self, activation: PromoActivation) -> bool:
        return await self._insert_unless_present(activations, activation_to_columns(activation))

    async def get_activation(
        self, promo_code_id: PromoCodeId, customer_id: CustomerId
    ) -> PromoActivation | None:
        statement = select(activations).where(
            activations.c.promo_code_id == promo_code_id,
            activations.c.customer_id == customer_id,
        )
        row = (await self._execute(statement)).first()
        return None if row is None else activation_from_row(row)

    async def reserved_for(self, customer_id: CustomerId) -> Sequence[PromoActivation]:
        statement = select(activations).where(
            activations.c.customer_id == customer_id, activations.c.status == RESERVED
        )
        return [activation_from_row(row) for row in await self._execute(statement)]

    async def update_activation(self, activation: PromoActivation) -> None:
        await self._execute(
            update(activations)
            .where(
                activations.c.promo_code_id == activation.promo_code_id,
                activations.c.customer_id == activation.customer_id,
            )
            .values(activation_to_columns(activation))
        )

    async def reservations_expired_by(self, now: datetime, limit: int) -> Sequence[PromoActivation]:
        statement = (
            select(activations)
            .where(activations.c.status == RESERVED, activations.c.reserved_until <= now)
            .order_by(activations.c.activated_at)
            .limit(limit)
        )
        return [activation_from_row(row) for row in await self._execute(statement)]


class SqlAlchemyReferralRewardRepository(SqlRepository):
    async def add(self, reward: ReferralReward) -> None:
        await self._execute(insert(rewards).values(reward_to_columns(reward)))

    async def get_by_payment(self, payment_id: PaymentId) -> ReferralReward | None:
        row = (
            await self._execute(select(rewards).where(rewards.c.payment_id == payment_id))
        ).first()
        return None if row is None else reward_from_row(row)

    async def update(self, reward: ReferralReward) -> None:
        await self._execute(
            update(rewards)
            .where(rewards.c.payment_id == reward.payment_id)
            .values(reward_to_columns(reward))
        )

    async def total_inviter_days(self, inviter: CustomerId) -> int:
        statement = select(func.coalesce(func.sum(rewards.c.inviter_days), 0)).where(
            rewards.c.inviter_id == inviter, rewards.c.reversed.is_(False)
        )
        return int((await self._execute(statement)).scalar_one())
