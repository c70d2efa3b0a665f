from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from shop_domain.errors import ConcurrentUpdateError
from shop_domain.model.ids import CustomerId, PaymentId, PromoCodeId
from shop_domain.model.promo_codes import ActivationStatus, PromoActivation, PromoCode
from shop_domain.model.referrals import ReferralReward
from tests.fakes.memory_store.store import MemoryState


class MemoryPromoCodeRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def get(self, promo_code_id: PromoCodeId) -> PromoCode | None:
        return self._state.promo_codes.get(promo_code_id)

    async def get_by_code(self, code: str) -> PromoCode | None:
        return next((p for p in self._state.promo_codes.values() if p.code == code), None)

    async def add(self, code: PromoCode) -> None:
        if await self.get_by_code(code.code) is not None:
            raise ConcurrentUpdateError(f"promo code {code.code} exists")
        self._state.promo_codes[code.id] = code

    async def update(self, code: PromoCode) -> None:
        current = self._state.promo_codes[code.id]
        # the counter only moves through claim/release, as in the SQL store
        self._state.promo_codes[code.id] = replace(code, activations=current.activations)

    async def list_all(self) -> Sequence[PromoCode]:
        return sorted(self._state.promo_codes.values(), key=lambda c: (c.created_at, c.code))

    async def claim_activation(self, promo_code_id: PromoCodeId) -> bool:
        code = self._state.promo_codes.get(promo_code_id)
        if code is None or not code.is_active:
            return False
        if code.max_activations is not None and code.activations >= code.max_activations:
            return False
        self._state.promo_codes[promo_code_id] = replace(code, activations=code.activations + 1)
        return True

    async def release_activation(self, promo_code_id: PromoCodeId) -> None:
        code = self._state.promo_codes[promo_code_id]
        self._state.promo_codes[promo_code_id] = replace(
            code, activations=max(0, code.activations - 1)
        )

    async def add_activation(self, activation: PromoActivation) -> bool:
        key = (activation.promo_code_id, activation.customer_id)
        if key in self._state.activations:
            return False
        self._state.activations[key] = activation
        return True

    async def get_activation(
        self, promo_code_id: PromoCodeId, customer_id: CustomerId
    ) -> PromoActivation | None:
        return self._state.activations.get((promo_code_id, customer_id))

    async def reserved_for(self, customer_id: CustomerId) -> Sequence[PromoActivation]:
        return [
            a
            for a in self._state.activations.values()
            if a.customer_id == customer_id and a.status is ActivationStatus.RESERVED
        ]

    async def update_activation(self, activation: PromoActivation) -> None:
        self._state.activations[(activation.promo_code_id, activation.customer_id)] = activation

    async def reservations_expired_by(self, now: datetime, limit: int) -> Sequence[PromoActivation]:
        expired = [
            a
            for a in self._state.activations.values()
            if a.status is ActivationStatus.RESERVED
            and a.reserved_until is not None
            and a.reserved_until <= now
        ]
        return sorted(expired, key=lambda a: a.activated_at)[:limit]


class MemoryReferralRewardRepository:
    def __init__(self, state: MemoryState) -> None:
        self._state = state

    async def add(self, reward: ReferralReward) -> None:
        if reward.payment_id in self._state.rewards:
            raise ConcurrentUpdateError(f"reward for {reward.payment_id} exists")
        self._state.rewards[reward.payment_id] = reward

    async def get_by_payment(self, payment_id: PaymentId) -> ReferralReward | None:
        return self._state.rewards.get(payment_id)

    async def update(self, reward: ReferralReward) -> None:
        self._state.rewards[reward.payment_id] = reward

    async def total_inviter_days(self, inviter: CustomerId) -> int:
        return sum(
            r.inviter_days
            for r in self._state.rewards.values()
            if r.inviter_id == inviter and not r.reversed
        )
