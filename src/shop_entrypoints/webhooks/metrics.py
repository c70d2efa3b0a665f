"""Prometheus metrics: request counts and latency per route, exposed at GET /metrics."""

from __future__ import annotations

import time

from aiohttp import web
from aiohttp.typedefs import Handler
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import generate_latest


class WebMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self._registry = registry
        self.requests = Counter(
            "shop_http_requests",
            "HTTP requests handled, by route and status",
            ["route", "status"],
            registry=registry,
        )
        self.latency = Histogram(
            "shop_http_request_seconds", "HTTP request latency", ["route"], registry=registry
        )

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        route = request.match_info.route.resource
        name = route.canonical if route is not None else "unmatched"
        started = time.perf_counter()
        status = 500
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as error:
            status = error.status
            raise
        finally:
            self.requests.labels(name, str(status)).inc()
            self.latency.labels(name).observe(time.perf_counter() - started)

    async def on_metrics(self, request: web.Request) -> web.StreamResponse:
        body = generate_latest(self._registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
