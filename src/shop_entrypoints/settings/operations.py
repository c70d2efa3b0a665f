"""The `monitoring` and `backup` sections: readiness probes, alert thresholds, backups."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class MonitoringSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    check_timeout_seconds: float = Field(default=2.0, gt=0, le=30)
    ready_cache_seconds: float = Field(default=5.0, ge=0, le=300)  # a probe storm asks once
    panel_required: bool = False  # True: /ready answers 503 while the panel is unreachable
    watch_interval_seconds: float = Field(default=30.0, gt=0, le=3600)
    panel_circuit_open_alert_seconds: int = Field(default=120, ge=0)
    outbox_backlog_alert: int = Field(default=50, ge=1)
    webhook_failures_alert: int = Field(default=10, ge=1)
    webhook_failures_window_seconds: int = Field(default=600, ge=1)
    alert_cooldown_seconds: int = Field(default=3600, ge=0)


class BackupSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    directory: Path = Path("./backups")
    keep_daily: int = Field(default=7, ge=0, le=366)
    keep_weekly: int = Field(default=4, ge=0, le=520)
    keep_monthly: int = Field(default=6, ge=0, le=240)
    include_redis: bool = True  # copy Redis's RDB snapshot too when Redis is configured
    include_env_file: bool = True  # the .env holds the secrets a restore needs
    pg_bin_dir: Path | None = None  # where pg_dump/pg_restore live; empty: PATH, then
    # /usr/lib/postgresql/<newest>/bin
