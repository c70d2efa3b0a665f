"""`shop run` (everything in one process) and `shop bot` / `shop web` / `shop worker` (one
part each, for scale-out): until SIGTERM or Ctrl+C."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from pydantic_settings import SettingsError

from shop_entrypoints.config_report import check_config
from shop_entrypoints.logging import configure_logging
from shop_entrypoints.runner.app import run_shop
from shop_entrypoints.runner.roles import BOT, EVERYTHING, WEB, WORKER, RunRoles
from shop_entrypoints.settings import LogSettings, Settings, load_settings

EnvFileOption = Annotated[
    Path | None,
    typer.Option("--env-file", help="Settings file (default ./.env).", dir_okay=False),
]


def run_command(env_file: EnvFileOption = None) -> None:
    """Run the whole shop in one process: the bot (long polling, or webhook mode when
    SHOP_TELEGRAM__WEBHOOK_URL is set), the web server and the background jobs."""
    _run(env_file, EVERYTHING)


def bot_command(env_file: EnvFileOption = None) -> None:
    """Scale-out part: take Telegram updates (the one long-polling process; in webhook mode
    the web server's Telegram route). Jobs go to `shop worker` through Redis."""
    _run(env_file, BOT)


def web_command(env_file: EnvFileOption = None) -> None:
    """Scale-out part: the web server (payment and panel webhooks, health, metrics, and the
    Telegram route in webhook mode). Run as many as you like behind a load balancer."""
    _run(env_file, WEB)


def worker_command(env_file: EnvFileOption = None) -> None:
    """Scale-out part: run background jobs and the periodic scheduler (each tick fires once
    across all workers). Needs SHOP_REDIS__URL."""
    _run(env_file, WORKER)


def _run(env_file: Path | None, roles: RunRoles) -> None:
    settings = _settings_or_exit(env_file)
    configure_logging(settings.log)
    raise typer.Exit(code=asyncio.run(run_shop(settings, roles)))


def _settings_or_exit(env_file: Path | None) -> Settings:
    if env_file is not None and not env_file.is_file():
        typer.echo(f"env file not found: {env_file}", err=True)
        raise typer.Exit(code=1)
    try:
        return load_settings(env_file)
    except (ValidationError, SettingsError):
        configure_logging(LogSettings())
        report = check_config(env_file)
        typer.echo("The shop cannot start: the configuration is invalid.", err=True)
        for line in report.lines:
            if line.problem:
                typer.echo(f"  {line.env_var}: {line.state}", err=True)
        typer.echo("Fix these in .env or the environment; `shop check-config` shows all.", err=True)
        raise typer.Exit(code=1) from None
