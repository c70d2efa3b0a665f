"""The outbox depth the operations watch publishes, counted by the real databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from shop_adapters.persistence.engine import session_factory
from shop_adapters.persistence.outbox_depth import SqlAlchemyOutboxDepth
from shop_adapters.persistence.unit_of_work import SqlAlchemyUnitOfWorkFactory
from shop_domain.model.ids import CustomerId
from shop_domain.model.provisioning import ProvisioningReason, provisioning_job
from tests.integration.persistence.records import T0, customer, subscription


@pytest.fixture(params=["postgresql", "sqlite"])
def engine(request: pytest.FixtureRequest) -> AsyncEngine:
    found: AsyncEngine = request.getfixturevalue(f"{request.param}_engine")
    return found


async def test_pending_and_failing_jobs_are_counted(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    depth = SqlAlchemyOutboxDepth(sessions)
    assert await depth() == (0, 0)

    async with SqlAlchemyUnitOfWorkFactory(sessions)() as uow:
        await uow.customers.add(customer(1))
        await uow.subscriptions.add(subscription(1))
        for name in ("done", "failing", "fresh"):
            await uow.outbox.add(
                provisioning_job(
                    job_id=name,
                    subscription_id=subscription(1).id,
                    customer_id=CustomerId(1),
                    reason=ProvisioningReason.PAYMENT,
                    now=T0,
                )
            )
        await uow.commit()
    async with SqlAlchemyUnitOfWorkFactory(sessions)() as uow:
        done, failing = await uow.outbox.get("done"), await uow.outbox.get("failing")
        assert done is not None
        assert failing is not None
        await uow.outbox.update(done.succeeded(T0))
        await uow.outbox.update(failing.failed("vpn_panel_unavailable", T0 + timedelta(seconds=1)))
        await uow.commit()

    assert await depth() == (2, 1)
