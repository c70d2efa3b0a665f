from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from shop_entrypoints.cli import app, render
from shop_entrypoints.config_report import check_config
from tests.unit.entrypoints.env_files import write_env_file

EXAMPLE_ENV = Path(__file__).resolve().parents[3] / ".env.example"
BOT_TOKEN = "987654321:" + "Zq7" * 11 + "xy"
SECRETS = {
    "SHOP_TELEGRAM__BOT_TOKEN": BOT_TOKEN,
    "SHOP_TELEGRAM__WEBHOOK_SECRET": "tgWebhookSecret_42",
    "SHOP_PANEL__API_TOKEN": "eyJpanelApiToken.secret",
    "SHOP_PANEL__COOKIE": "gate=cookieSecret99",
    "SHOP_PANEL__API_KEY": "caddyPortalKey77",
    "SHOP_PANEL__WEBHOOK_SECRET": "PanelWebhookSecret0123456789abcdefXYZ",
    "SHOP_DATABASE__URL": "postgresql://shop:dbPassw0rd@db:5432/shop?password=qsPassw0rd",
    "SHOP_REDIS__URL": "redis://:redisPassw0rd@cache:6379/0",
}
SECRET_VALUES = (
    BOT_TOKEN,
    "tgWebhookSecret_42",
    "eyJpanelApiToken",
    "cookieSecret99",
    "caddyPortalKey77",
    "PanelWebhookSecret0123456789",
    "dbPassw0rd",
    "qsPassw0rd",
    "redisPassw0rd",
)

runner = CliRunner()


def run_check(env_file: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["check-config", "--env-file", str(env_file)], env=env)
    return result.exit_code, result.output


def line_of(output: str, env_var: str) -> str:
    return next(line for line in output.splitlines() if f" {env_var} " in f"{line} ")


def test_the_example_env_file_is_valid() -> None:
    code, output = run_check(EXAMPLE_ENV)

    assert code == 0, output
    assert "Configuration is valid." in output
    assert "set (hidden)" in line_of(output, "SHOP_TELEGRAM__BOT_TOKEN")
    assert "AAAAAAAA" not in output


def test_every_setting_is_listed_in_the_example_env_file() -> None:
    lines = EXAMPLE_ENV.read_text().splitlines()
    listed = {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}
    reported = {line.env_var for line in check_config(EXAMPLE_ENV).lines}

    assert reported == listed


def test_valid_config_shows_values_and_marks_defaults(tmp_path: Path) -> None:
    env_file = write_env_file(tmp_path, {**SECRETS, "SHOP_TELEGRAM__ADMIN_IDS": "5, 6"})

    code, output = run_check(env_file, env={"SHOP_PANEL__URL": "https://panel.example.com"})

    assert code == 0, output
    assert line_of(output, "SHOP_TELEGRAM__ADMIN_IDS").endswith("5, 6")
    assert line_of(output, "SHOP_WEB__PORT").endswith("8080 (default)")
    assert line_of(output, "SHOP_PANEL__URL").endswith("https://panel.example.com/")
    assert "set (hidden): postgresql+asyncpg://shop:***@db:5432/shop" in output
    assert "set (hidden): redis://:***@cache:6379/0" in output


def test_missing_required_settings_fail(tmp_path: Path) -> None:
    code, output = run_check(write_env_file(tmp_path, {}))

    assert code == 1
    for env_var in ("SHOP_TELEGRAM__BOT_TOKEN", "SHOP_PANEL__URL", "SHOP_PANEL__API_TOKEN"):
        assert line_of(output, env_var).endswith("missing")
    assert line_of(output, "SHOP_WEB__PORT").endswith("8080 (default)")
    assert "3 problem(s) found." in output


def test_invalid_settings_fail_with_a_reason(tmp_path: Path) -> None:
    env_file = write_env_file(
        tmp_path, {**SECRETS, "SHOP_WEB__PORT": "70000", "SHOP_LOG__FORMAT": "xml"}
    )

    code, output = run_check(env_file, env={"SHOP_PANEL__URL": "https://panel.example.com"})

    assert code == 1
    assert "invalid: " in line_of(output, "SHOP_WEB__PORT")
    assert "invalid: " in line_of(output, "SHOP_LOG__FORMAT")
    assert line_of(output, "SHOP_PANEL__URL").endswith("https://panel.example.com")
    assert "2 problem(s) found." in output


def test_unknown_settings_are_reported(tmp_path: Path) -> None:
    env_file = write_env_file(tmp_path, {**SECRETS, "SHOP_TELEGRAM__BOT_TOKN": "x"})

    code, output = run_check(env_file, env={"SHOP_PANEL__URL": "https://panel.example.com"})

    assert code == 1
    assert line_of(output, "SHOP_TELEGRAM__BOT_TOKN").endswith("unknown setting")


def test_malformed_json_section_fails(tmp_path: Path) -> None:
    code, output = run_check(write_env_file(tmp_path, {}), env={"SHOP_TELEGRAM": "{oops"})

    assert code == 1
    assert "unreadable" in output


def test_a_missing_env_file_fails(tmp_path: Path) -> None:
    code, output = run_check(tmp_path / "absent.env")

    assert code == 1
    assert "env file not found" in output


@pytest.mark.parametrize(
    "extra",
    [
        {"SHOP_PANEL__URL": "https://panel.example.com"},  # valid
        {},  # panel URL missing: the invalid-report path
        {"SHOP_PANEL__URL": "https://panel.example.com", "SHOP_WEB__PORT": "x"},
        {"SHOP_PANEL__URL": "https://u:dbPassw0rd@panel.example.com"},
    ],
)
def test_no_secret_is_ever_printed(tmp_path: Path, extra: dict[str, str]) -> None:
    _, output = run_check(write_env_file(tmp_path, {**SECRETS, **extra}))

    for secret in SECRET_VALUES:
        assert secret not in output


def test_invalid_secrets_are_not_printed_either(tmp_path: Path) -> None:
    invalid = {
        "SHOP_TELEGRAM__BOT_TOKEN": "1:badTokenValue",
        "SHOP_PANEL__COOKIE": "cookieWithoutSeparator",
        "SHOP_PANEL__WEBHOOK_SECRET": "shortHookSecret",
        "SHOP_DATABASE__URL": "mysql://u:mysqlPassw0rd@h/db",
        "SHOP_REDIS__URL": "http://:httpPassw0rd@h",
        "SHOP_PANEL__SECRET_TYPO": "typoSecretValue",
    }

    code, output = run_check(write_env_file(tmp_path, invalid))

    assert code == 1
    for secret in ("badTokenValue", "cookieWithout", "shortHook", "mysqlPassw0rd", "httpPassw0rd"):
        assert secret not in output
    assert "typoSecretValue" not in output


LETTERS_AND_DIGITS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


# The same tmp_path serves every example: each one overwrites the env file.
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(secret=st.text(alphabet=LETTERS_AND_DIGITS, min_size=16))
def test_arbitrary_secrets_stay_hidden(tmp_path: Path, secret: str) -> None:
    env_file = write_env_file(
        tmp_path,
        {
            "SHOP_TELEGRAM__BOT_TOKEN": BOT_TOKEN,
            "SHOP_PANEL__URL": "https://panel.example.com",
            "SHOP_PANEL__API_TOKEN": secret,
            "SHOP_PANEL__API_KEY": secret,
            "SHOP_DATABASE__URL": f"postgresql://shop:{secret}@db/shop",
        },
    )

    output = "\n".join(render(check_config(env_file)))

    assert secret not in output


def test_version_command() -> None:
    result = runner.invoke(app, ["version"])

    assert result.exit_code == 0
    assert result.output.strip()
