"""ShopMetrics: the business and operations series, on a registry the caller owns.

The same `CollectorRegistry` is given to `WebMetrics` (HTTP series and GET /metrics), so one
scrape sees everything; tests build a fresh registry each, so nothing leaks between them.
Labels carry only bounded values: provider names, currencies, error codes, job names.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

UPDATE_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
JOB_BUCKETS = (0.05, 0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 300.0, 900.0)


class ShopMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.updates = Counter(
            "shop_telegram_updates",
            "Telegram updates by type and outcome (handled, unhandled, throttled, error)",
            ["update_type", "outcome"],
            registry=registry,
        )
        self.update_seconds = Histogram(
            "shop_telegram_update_seconds",
            "Time to handle one Telegram update",
            ["update_type"],
            buckets=UPDATE_BUCKETS,
            registry=registry,
        )
        self.payments = Counter(
            "shop_payments_credited",
            "Payments credited, by provider and currency",
            ["provider", "currency"],
            registry=registry,
        )
        self.payments_held = Counter(
            "shop_payments_held", "Payments held for review", ["provider"], registry=registry
        )
        self.webhook_rejections = Counter(
            "shop_webhook_rejections",
            "Webhooks refused, by source and reason code",
            ["source", "reason"],
            registry=registry,
        )
        self.outbox_jobs = Gauge(
            "shop_provisioning_outbox_jobs",
            "Panel pushes waiting in the outbox (pending) and those that already failed once",
            ["state"],
            registry=registry,
        )
        self.provisioning_failures = Counter(
            "shop_provisioning_failures",
            "Provisioning jobs that gave up and were reported",
            registry=registry,
        )
        self.panel_circuit_open = Gauge(
            "shop_panel_circuit_open", "1 while the panel circuit is open", registry=registry
        )
        self.job_seconds = Histogram(
            "shop_job_seconds",
            "Background job run time, by job and outcome",
            ["job", "outcome"],
            buckets=JOB_BUCKETS,
            registry=registry,
        )

    def update_handled(self, update_type: str, outcome: str, seconds: float) -> None:
        self.updates.labels(update_type, outcome).inc()
        self.update_seconds.labels(update_type).observe(seconds)

    def payment_credited(self, provider: str, currency: str) -> None:
        self.payments.labels(provider, currency).inc()

    def webhook_rejected(self, source: str, reason: str) -> None:
        self.webhook_rejections.labels(source, reason).inc()

    def outbox_depth(self, pending: int, failing: int) -> None:
        self.outbox_jobs.labels("pending").set(pending)
        self.outbox_jobs.labels("failing").set(failing)

    def job_finished(self, job: str, seconds: float, *, ok: bool) -> None:
        self.job_seconds.labels(job, "ok" if ok else "error").observe(seconds)

    @contextmanager
    def time_job(self, job: str) -> Iterator[None]:
        """`with metrics.time_job("reminders"): ...`: records the duration, and whether it
        raised (the exception still propagates)."""
        started = time.perf_counter()
        ok = False
        try:
            yield
            ok = True
        finally:
            self.job_finished(job, time.perf_counter() - started, ok=ok)
