"""The `shop` command: `shop run` (the bot itself), `shop check-config`, `shop db ...`."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated

import typer

from shop_entrypoints.cli_backup import backup_app
from shop_entrypoints.cli_database import database_app
from shop_entrypoints.cli_panel import panel_app
from shop_entrypoints.cli_run import bot_command, run_command, web_command, worker_command
from shop_entrypoints.config_report import ConfigReport, check_config

DISTRIBUTION = "remnawave-shop"

app = typer.Typer(
    name="shop",
    help="Remnawave Shop: a Telegram bot that sells VPN subscriptions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # tracebacks with locals could show secrets
)
app.add_typer(database_app, name="db")
app.add_typer(backup_app, name="backup")
app.add_typer(panel_app, name="panel")
app.command("run")(run_command)
app.command("bot")(bot_command)
app.command("web")(web_command)
app.command("worker")(worker_command)


@app.command("check-config")
def check_config_command(
    env_file: Annotated[
        Path | None,
        typer.Option(
            "--env-file",
            help="Read this file instead of ./.env; SHOP_* environment variables still win.",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Validate the configuration and show every setting (secrets stay hidden)."""
    if env_file is not None and (not env_file.exists() or env_file.is_dir()):
        typer.echo(f"env file not found: {env_file}", err=True)
        raise typer.Exit(code=1)
    report = check_config(env_file)
    source = env_file or Path(".env")
    typer.echo(f"Settings from SHOP_* environment variables and {source}\n")
    for line in render(report):
        typer.echo(line)
    raise typer.Exit(code=0 if report.ok else 1)


def render(report: ConfigReport) -> list[str]:
    """The report as text lines, grouped by section."""
    out: list[str] = []
    for section in dict.fromkeys(line.section for line in report.lines):
        out.append(f"[{section}]")
        for line in (item for item in report.lines if item.section == section):
            mark = "!!" if line.problem else "  "
            out.append(f"{mark} {line.env_var:<38} {line.state}")
    problems = sum(line.problem for line in report.lines)
    out.append("")
    out.append("Configuration is valid." if report.ok else f"{problems} problem(s) found.")
    return out


@app.command("version")
def version_command() -> None:
    """Print the installed version."""
    try:
        typer.echo(version(DISTRIBUTION))
    except PackageNotFoundError:
        typer.echo("unknown (not installed)")
