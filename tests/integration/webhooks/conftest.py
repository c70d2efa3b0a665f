from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client import CollectorRegistry

from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_entrypoints.webhooks.app import build_web_app
from shop_entrypoints.webhooks.client_ip import ClientIpResolver
from shop_entrypoints.webhooks.health import HealthEndpoints
from shop_entrypoints.webhooks.metrics import WebMetrics
from shop_entrypoints.webhooks.panel import PanelWebhooks
from shop_entrypoints.webhooks.payments import PaymentWebhooks
from tests.integration.webhooks.signed_gateway import SignedGateway
from tests.unit.fakes import FakePaymentGateways
from tests.unit.services.shop_harness import Shop


async def store_answers() -> None:
    """A readiness probe that always passes (the in-memory store has nothing to check)."""


@pytest.fixture
def shop() -> Shop:
    return Shop(gateway=SignedGateway())


@pytest.fixture
async def client(shop: Shop) -> AsyncIterator[TestClient[web.Request, web.Application]]:
    rejected = RecordRejectedNotification(shop.uow, shop.clock)
    app = build_web_app(
        payments=PaymentWebhooks(
            FakePaymentGateways(shop.gateway), shop.confirm, rejected, ClientIpResolver()
        ),
        panel=PanelWebhooks(None, shop.handle_panel_event, rejected),
        health=HealthEndpoints({"store": store_answers}),
        metrics=WebMetrics(CollectorRegistry()),
    )
    async with TestClient(TestServer(app, host="127.0.0.1")) as test_client:
        yield test_client
