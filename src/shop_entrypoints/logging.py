"""structlog set up once: JSON off a TTY, console on one, stdlib loggers in the same format."""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from typing import Any, TextIO

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from shop_entrypoints.redaction import MASK, is_secret_key, redact_text
from shop_entrypoints.settings import LogSettings

_NOISY_LOGGERS = ("aiogram.event", "httpx", "httpcore", "sqlalchemy.engine", "taskiq")


def redact_secrets(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
    """Mask values under secret-looking keys and bot tokens or URL passwords in any string."""
    return {key: _redact(key, value) for key, value in event_dict.items()}


def _redact(key: str, value: Any) -> Any:
    if is_secret_key(key) and value is not None:
        return MASK
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, Mapping):
        return {k: _redact(str(k), v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_redact(key, item) for item in value)
    return value


def shared_processors() -> list[Processor]:
    """The chain both structlog and stdlib records go through before rendering."""
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.stdlib.ExtraAdder(),
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
        redact_secrets,
    ]


def _renderers(*, console: bool) -> list[Processor]:
    if console:
        return [structlog.dev.ConsoleRenderer()]
    return [structlog.processors.dict_tracebacks, structlog.processors.JSONRenderer()]


def configure_logging(settings: LogSettings, stream: TextIO | None = None) -> None:
    """Configure structlog and the root stdlib logger; call once at start-up."""
    output = stream if stream is not None else sys.stderr
    console = settings.format == "console" or (settings.format == "auto" and output.isatty())
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared_processors(),
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            *_renderers(console=console),
        ],
    )
    handler = logging.StreamHandler(output)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.level)
    # Per-request chatter from libraries only shows when debugging.
    library_level = root.level if root.level <= logging.DEBUG else max(logging.WARNING, root.level)
    for name in _NOISY_LOGGERS:
        logging.getLogger(name).setLevel(library_level)
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *shared_processors(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
