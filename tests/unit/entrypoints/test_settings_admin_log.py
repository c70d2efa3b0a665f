"""The admin log chat settings: optional, a chat id and a forum topic id."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shop_entrypoints.settings import load_settings


def test_no_log_chat_by_default(valid_env: dict[str, str]) -> None:
    telegram = load_settings().telegram
    assert (telegram.log_chat_id, telegram.log_topic_id) == (None, None)


def test_a_log_chat_and_its_topic(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_TELEGRAM__LOG_CHAT_ID", "-1001234567890")
    monkeypatch.setenv("SHOP_TELEGRAM__LOG_TOPIC_ID", "12")
    telegram = load_settings().telegram
    assert (telegram.log_chat_id, telegram.log_topic_id) == (-1001234567890, 12)


@pytest.mark.parametrize(("name", "value"), [("LOG_CHAT_ID", "@logs"), ("LOG_TOPIC_ID", "0")])
def test_bad_values_are_refused(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(f"SHOP_TELEGRAM__{name}", value)
    with pytest.raises(ValidationError, match=name.lower()):
        load_settings()
