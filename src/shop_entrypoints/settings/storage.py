"""The `database` and `redis` sections. Both URLs may carry a password, so both are secrets."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

_DRIVERS = {
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
}
_REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
EMBEDDED_DATABASE_FILE = "shop.sqlite3"


class DatabaseSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    url: SecretStr | None = None  # None: the embedded SQLite file in data_dir
    pool_size: int = Field(default=10, ge=1, le=100)
    echo: bool = False
    upgrade_on_start: bool = True

    @field_validator("url")
    @classmethod
    def _normalise_driver(cls, value: SecretStr | None) -> SecretStr | None:
        """Plain `postgresql://` and `sqlite://` get the async drivers the shop runs on."""
        if value is None:
            return None
        try:
            url = make_url(value.get_secret_value())
        except ArgumentError:
            msg = "not a database URL (expected postgresql+asyncpg://... or sqlite+aiosqlite://...)"
            raise ValueError(msg) from None
        driver = _DRIVERS.get(url.drivername)
        if driver is None:
            msg = "unsupported driver: use postgresql+asyncpg or sqlite+aiosqlite"
            raise ValueError(msg)
        return SecretStr(url.set(drivername=driver).render_as_string(hide_password=False))

    def resolved_url(self, data_dir: Path) -> str:
        """The URL to connect to: the configured one, or the embedded SQLite file."""
        if self.url is not None:
            return self.url.get_secret_value()
        return f"sqlite+aiosqlite:///{(data_dir / EMBEDDED_DATABASE_FILE).as_posix()}"


class RedisSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)

    url: SecretStr | None = None  # None: FSM state, rate limits and caches stay in memory
    key_prefix: str = Field(default="shop", pattern=r"^[A-Za-z0-9_.-]{1,32}$")
    socket_timeout_seconds: float = Field(default=2.0, gt=0, le=60)
    connect_timeout_seconds: float = Field(default=2.0, gt=0, le=60)
    health_check_interval_seconds: int = Field(default=30, ge=0, le=3600)  # 0: off
    max_connections: int = Field(default=50, ge=1, le=10_000)
    fsm_state_ttl_seconds: int = Field(default=86_400, ge=0)  # 0: kept until the dialog ends
    fsm_data_ttl_seconds: int = Field(default=86_400, ge=0)  # 0: kept until the dialog ends

    @field_validator("url")
    @classmethod
    def _check_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(_REDIS_SCHEMES):
            msg = "expected a redis://, rediss:// or unix:// URL"
            raise ValueError(msg)
        return value
