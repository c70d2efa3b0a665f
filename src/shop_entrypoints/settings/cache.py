"""The `cache` section: what is cached, for how long, and how much the in-memory cache keeps."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CacheSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    # Without Redis: entries kept in process before the least recently used is dropped.
    memory_max_entries: int = Field(default=10_000, ge=100, le=1_000_000)
    # How long a positive "is a member of the required channel" answer is trusted.
    channel_member_ttl_seconds: int = Field(default=600, ge=10, le=86_400)
