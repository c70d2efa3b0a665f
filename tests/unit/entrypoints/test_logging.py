from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
import structlog

from shop_entrypoints.logging import configure_logging, redact_secrets
from shop_entrypoints.redaction import MASK, mask_url
from shop_entrypoints.settings import LogSettings

BOT_TOKEN = "123456789:AAH" + "x" * 32


def redact(**event: object) -> dict[str, object]:
    return dict(redact_secrets(None, "info", dict(event)))


@pytest.mark.parametrize(
    "key",
    ["bot_token", "api_token", "webhook_secret", "password", "Authorization", "subscription_url"],
)
def test_values_under_secret_keys_are_masked(key: str) -> None:
    assert redact(event="x", **{key: "value"})[key] == MASK


def test_none_under_a_secret_key_stays_none() -> None:
    assert redact(event="x", api_token=None)["api_token"] is None


def test_bot_tokens_are_masked_anywhere_in_a_string() -> None:
    event = redact(event=f"calling https://api.telegram.org/bot{BOT_TOKEN}/getMe", url=BOT_TOKEN)

    assert BOT_TOKEN not in str(event)
    assert event["url"] == MASK


def test_url_passwords_are_masked() -> None:
    event = redact(event="connecting", dsn="postgresql+asyncpg://shop:hunter2@db/shop")

    assert event["dsn"] == "postgresql+asyncpg://shop:***@db/shop"


def test_nested_values_are_masked_and_other_values_kept() -> None:
    event = redact(
        event="panel_call",
        headers={"Authorization": "Bearer abc", "Accept": "json"},
        items=[{"password": "p"}, 3],
        status_code=200,
    )

    assert event["headers"] == {"Authorization": "***", "Accept": "json"}
    assert event["items"] == [{"password": "***"}, 3]
    assert event["status_code"] == 200


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("redis://:pw@h:6379/0", "redis://:***@h:6379/0"),
        ("postgresql://u:pa/ss@h/db", "postgresql://u:***@h/db"),
        ("postgresql://u:p@ss@h/db", "postgresql://u:***@h/db"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        (
            "postgresql://h/db?sslmode=require&password=x",
            "postgresql://h/db?sslmode=require&password=***",
        ),
        ("not a url", "***"),
    ],
)
def test_mask_url(url: str, masked: str) -> None:
    assert mask_url(url) == masked


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    structlog.reset_defaults()


@pytest.mark.usefixtures("restore_logging")
def test_json_output_for_structlog_and_stdlib_loggers_is_redacted() -> None:
    stream = io.StringIO()
    configure_logging(LogSettings(level="INFO", format="json"), stream=stream)

    structlog.get_logger("shop.test").info("bot_started", bot_token=BOT_TOKEN, updates=3)
    logging.getLogger("aiogram.test").warning("token %s rejected", BOT_TOKEN)
    structlog.get_logger("shop.test").debug("hidden_below_level")

    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [record["event"] for record in records] == ["bot_started", "token *** rejected"]
    assert records[0]["bot_token"] == MASK
    assert records[0]["updates"] == 3
    assert records[0]["level"] == "info"
    assert "timestamp" in records[0]
    assert BOT_TOKEN not in stream.getvalue()


@pytest.mark.usefixtures("restore_logging")
def test_console_output_when_asked() -> None:
    stream = io.StringIO()
    configure_logging(LogSettings(level="DEBUG", format="console"), stream=stream)

    structlog.get_logger("shop.test").debug("payment_confirmed", payment_id=7)

    assert "payment_confirmed" in stream.getvalue()
    assert not stream.getvalue().startswith("{")


def test_capture_logs_sees_events() -> None:
    with structlog.testing.capture_logs() as logs:
        structlog.get_logger().info("update_throttled", user_id=1)

    assert logs == [{"event": "update_throttled", "user_id": 1, "log_level": "info"}]
