"""The plan editor: create or change a plan, or change who sees it."""

from __future__ import annotations

from dataclasses import replace

from shop_domain.errors import PlanNotAvailableError
from shop_domain.model.ids import PlanId
from shop_domain.model.plans import Plan, PlanVisibility
from shop_domain.ports.unit_of_work import UnitOfWorkFactory


class ManagePlans:
    """Plans are validated by the model on construction; saving replaces the plan whole.
    Orders keep their own snapshot, so editing a plan never changes a paid order."""

    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory

    async def list_plans(self) -> list[Plan]:
        async with self._uow_factory() as uow:
            return list(await uow.plans.list_all())

    async def save(self, plan: Plan) -> Plan:
        async with self._uow_factory() as uow:
            await uow.plans.save(plan)
            await uow.commit()
        return plan

    async def set_visibility(self, plan_id: PlanId, visibility: PlanVisibility) -> Plan:
        async with self._uow_factory() as uow:
            plan = await uow.plans.get(plan_id)
            if plan is None:
                raise PlanNotAvailableError(plan_id)
            changed = replace(plan, visibility=visibility)
            await uow.plans.save(changed)
            await uow.commit()
        return changed
