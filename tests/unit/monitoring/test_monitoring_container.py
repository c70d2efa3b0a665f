from dependency_injector import providers
from prometheus_client import CollectorRegistry
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from shop_entrypoints.composition.monitoring import Monitoring
from shop_entrypoints.monitoring.metrics import ShopMetrics
from shop_entrypoints.monitoring.observed import ObservedNotifier, ObservedRejections
from shop_entrypoints.monitoring.watch import OperationsWatch
from shop_entrypoints.settings.operations import MonitoringSettings
from tests.unit.fakes import FakeNotifier, FakeVpnPanel, FixedClock


async def test_the_container_builds_every_monitoring_part() -> None:
    engine = create_async_engine("sqlite+aiosqlite://")
    container = Monitoring(
        notifier=providers.Object(FakeNotifier()),
        metrics=providers.Object(ShopMetrics(CollectorRegistry())),
    )
    container.config.from_dict({"monitoring": MonitoringSettings().model_dump()})
    container.infra.override(
        providers.DependenciesContainer(
            sessions=providers.Object(async_sessionmaker(engine)),
            uow_factory=providers.Object(lambda: None),
        )
    )
    panel = FakeVpnPanel()
    container.adapters.override(
        providers.DependenciesContainer(
            clock=providers.Object(FixedClock()), panel=providers.Object(panel)
        )
    )
    try:
        assert isinstance(container.watch(), OperationsWatch)
        assert isinstance(container.observed_notifier(), ObservedNotifier)
        assert isinstance(container.observed_rejections(), ObservedRejections)
        await container.panel_check()()  # no breaker on the fake: one stats() call
        assert panel.calls == ["stats"]
        await container.watch().look()  # the outbox table is missing: logged, not raised
    finally:
        await engine.dispose()
