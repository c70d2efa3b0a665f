"""The aiohttp application: payment and panel webhooks, health and metrics.

The Telegram webhook route is added by the bot runner when webhook mode is on.
"""

from __future__ import annotations

from aiohttp import web

from shop_entrypoints.webhooks.health import HealthEndpoints
from shop_entrypoints.webhooks.metrics import WebMetrics
from shop_entrypoints.webhooks.panel import PanelWebhooks
from shop_entrypoints.webhooks.payments import PaymentWebhooks

PAYMENTS_PATH = "/payments/{provider}"
PANEL_PATH = "/panel/webhook"


def build_web_app(
    *,
    payments: PaymentWebhooks,
    panel: PanelWebhooks,
    health: HealthEndpoints,
    metrics: WebMetrics,
) -> web.Application:
    app = web.Application(middlewares=[metrics.middleware], client_max_size=1024**2)
    app.router.add_post(PAYMENTS_PATH, payments.on_payment_notification)
    # GET: Robokassa's ResultURL may use it, and PayPal returns the approving customer here.
    app.router.add_get(PAYMENTS_PATH, payments.on_payment_notification)
    app.router.add_post(PANEL_PATH, panel.on_panel_event)
    app.router.add_get("/health", health.on_health)
    app.router.add_get("/ready", health.on_ready)
    app.router.add_get("/metrics", metrics.on_metrics)
    return app
