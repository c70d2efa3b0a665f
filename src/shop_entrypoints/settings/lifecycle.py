"""The `lifecycle` section: how `shop run` stops."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class LifecycleSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    # After SIGTERM/SIGINT: how long in-flight updates, webhooks and jobs may still run.
    shutdown_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
