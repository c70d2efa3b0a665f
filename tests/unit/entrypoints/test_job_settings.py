from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from shop_entrypoints.settings import load_settings
from shop_entrypoints.settings.jobs import JobSettings

EXAMPLE_ENV = Path(__file__).resolve().parents[3] / ".env.example"


def test_defaults_match_the_issue() -> None:
    jobs = JobSettings()
    assert jobs.reminder_offsets_hours == (-72, -24, 0, 24)
    assert jobs.broadcast_rate_per_second == 25


def test_offsets_and_rates_come_from_env_vars(
    valid_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_JOBS__REMINDER_OFFSETS_HOURS", "-48, 0")
    monkeypatch.setenv("SHOP_JOBS__BROADCAST_RATE_PER_SECOND", "10")
    jobs = load_settings().jobs
    assert jobs.reminder_offsets_hours == (-48, 0)
    assert jobs.broadcast_rate_per_second == 10


@pytest.mark.parametrize(
    "changes",
    [
        {"reminder_offsets_hours": "-24,-24"},
        {"reminder_offsets_hours": "soon"},
        {"broadcast_rate_per_second": 0},
        {"retry_base_delay_seconds": 100, "retry_max_delay_seconds": 10},
    ],
)
def test_bad_job_settings_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        JobSettings.model_validate(changes)


def test_the_example_env_file_names_every_job_setting() -> None:
    text = EXAMPLE_ENV.read_text(encoding="utf-8")
    for name in JobSettings.model_fields:
        assert f"SHOP_JOBS__{name.upper()}=" in text
