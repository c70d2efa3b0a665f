"""The plan editor: create or change a plan, or change who sees it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from shop_domain.errors import InvalidPlanError, PlanNotAvailableError
from shop_domain.model.ids import PlanId
from shop_domain.model.plans import DurationOption, Plan, PlanVisibility
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.ids import new_id

PLAN_ID_LENGTH = 12  # short: plan ids travel in callback data (64 bytes)
MAX_NAME_LENGTH = 64


class ManagePlans:
    """Plans are validated by the model on construction; saving replaces the plan whole.
    Orders keep their own snapshot, so editing a plan never changes a paid order."""

    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def list_plans(self) -> list[Plan]:
        async with self._uow_factory() as uow:
            return list(await uow.plans.list_all())

    async def get(self, plan_id: PlanId) -> Plan:
        async with self._uow_factory() as uow:
            plan = await uow.plans.get(plan_id)
        if plan is None:
            raise PlanNotAvailableError(plan_id)
        return plan

    async def save(self, plan: Plan) -> Plan:
        async with self._uow_factory() as uow:
            await uow.plans.save(plan)
            await uow.commit()
        return plan

    async def create(self, name: str) -> Plan:
        """A new plan starts hidden and without durations: the operator fills it in, then
        shows it."""
        plan = Plan(
            PlanId(new_id()[:PLAN_ID_LENGTH]),
            _checked_name(name),
            durations=(),
            visibility=PlanVisibility.HIDDEN,
        )
        return await self.save(plan)

    async def rename(self, plan_id: PlanId, name: str) -> Plan:
        return await self._change(plan_id, lambda plan: replace(plan, name=_checked_name(name)))

    async def set_durations(self, plan_id: PlanId, durations: Sequence[DurationOption]) -> Plan:
        if not durations:
            raise InvalidPlanError("a plan needs at least one duration")
        options = tuple(sorted(durations, key=lambda option: option.days))
        return await self._change(plan_id, lambda plan: replace(plan, durations=options))

    async def set_traffic_limit(self, plan_id: PlanId, traffic_limit_bytes: int) -> Plan:
        return await self._change(
            plan_id,
            lambda plan: replace(
                plan, limits=replace(plan.limits, traffic_limit_bytes=traffic_limit_bytes)
            ),
        )

    async def set_device_limit(self, plan_id: PlanId, device_limit: int) -> Plan:
        return await self._change(
            plan_id,
            lambda plan: replace(plan, limits=replace(plan.limits, device_limit=device_limit)),
        )

    async def toggle_squad(self, plan_id: PlanId, squad_uuid: str) -> Plan:
        def toggled(plan: Plan) -> Plan:
            squads = plan.limits.internal_squads
            if squad_uuid in squads:
                changed = tuple(s for s in squads if s != squad_uuid)
            else:
                changed = (*squads, squad_uuid)
            return replace(plan, limits=replace(plan.limits, internal_squads=changed))

        return await self._change(plan_id, toggled)

    async def set_visibility(self, plan_id: PlanId, visibility: PlanVisibility) -> Plan:
        def shown(plan: Plan) -> Plan:
            if visibility is not PlanVisibility.HIDDEN and not plan.durations:
                raise InvalidPlanError("add a duration before showing the plan")
            return replace(plan, visibility=visibility)

        return await self._change(plan_id, shown)

    async def _change(self, plan_id: PlanId, change: Callable[[Plan], Plan]) -> Plan:
        async with self._uow_factory() as uow:
            plan = await uow.plans.get(plan_id)
            if plan is None:
                raise PlanNotAvailableError(plan_id)
            changed = change(plan)
            await uow.plans.save(changed)
            await uow.commit()
        return changed


def _checked_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidPlanError(f"a plan name is 1-{MAX_NAME_LENGTH} characters")
    return cleaned
