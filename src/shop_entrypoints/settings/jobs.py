"""The `jobs` section: background jobs, their schedules and retries, reminders, broadcasts."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_settings import NoDecode

from shop_entrypoints.settings.parsing import comma_separated

Seconds = Annotated[int, Field(ge=1, le=7 * 24 * 3600)]
OffsetHours = Annotated[int, Field(ge=-30 * 24, le=30 * 24)]


class JobSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    # Reminders, in signed hours relative to expiry: -72 = three days before, 24 = a day after.
    reminder_offsets_hours: Annotated[tuple[OffsetHours, ...], NoDecode] = (-72, -24, 0, 24)
    # A reminder whose moment passed longer ago than this (downtime) is skipped.
    reminder_catch_up_hours: int = Field(default=12, ge=1, le=7 * 24)
    broadcast_rate_per_second: int = Field(default=25, ge=1, le=1000)
    broadcast_batch_size: int = Field(default=100, ge=1, le=1000)
    retry_attempts: int = Field(default=5, ge=1, le=50)
    retry_base_delay_seconds: Seconds = 10
    retry_max_delay_seconds: Seconds = 600
    # A job held by a worker that died is handed to another one after this long.
    redelivery_idle_seconds: Seconds = 300
    worker_concurrency: int = Field(default=20, ge=1, le=1000)
    reminders_every_seconds: Seconds = 300
    provisioning_every_seconds: Seconds = 30
    reconciliation_every_seconds: Seconds = 300
    discount_expiry_every_seconds: Seconds = 300
    panel_sync_every_seconds: Seconds = 6 * 3600
    state_sync_every_seconds: Seconds = 3600
    broadcast_resume_every_seconds: Seconds = 30

    @field_validator("reminder_offsets_hours", mode="before")
    @classmethod
    def _split_offsets(cls, value: object) -> object:
        return comma_separated(value)

    @model_validator(mode="after")
    def _check(self) -> JobSettings:
        if len(set(self.reminder_offsets_hours)) != len(self.reminder_offsets_hours):
            msg = "reminder_offsets_hours lists an offset twice"
            raise ValueError(msg)
        if self.retry_max_delay_seconds < self.retry_base_delay_seconds:
            msg = "retry_max_delay_seconds is below retry_base_delay_seconds"
            raise ValueError(msg)
        return self
