"""`shop db upgrade | downgrade | current`: the schema migrations, from the command line."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from sqlalchemy.engine import make_url

from shop_adapters.persistence import migrations_runner
from shop_entrypoints.settings import load_settings

database_app = typer.Typer(help="Database schema migrations.", no_args_is_help=True)

EnvFile = Annotated[
    Path | None, typer.Option("--env-file", help="Settings file (default ./.env).", dir_okay=False)
]
DatabaseUrl = Annotated[
    str | None,
    typer.Option("--database-url", help="Override SHOP_DATABASE__URL for this command."),
]


def _database_url(env_file: Path | None, override: str | None) -> str:
    if override:
        return override
    try:
        return load_settings(env_file).database_url
    except ValidationError as error:
        typer.echo(
            f"invalid configuration ({error.error_count()} problem(s)): run `shop check-config`",
            err=True,
        )
        raise typer.Exit(code=1) from None


def _report(url: str) -> str:
    revision = asyncio.run(migrations_runner.current(url))
    shown = make_url(url).render_as_string(hide_password=True)
    return f"{shown} is at {revision or 'no revision (empty database)'}"


@database_app.command("upgrade")
def upgrade_command(
    revision: Annotated[str, typer.Argument()] = "head",
    env_file: EnvFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Migrate the database up to REVISION (default: the newest)."""
    url = _database_url(env_file, database_url)
    asyncio.run(migrations_runner.upgrade(url, revision))
    typer.echo(_report(url))


@database_app.command("downgrade")
def downgrade_command(
    revision: Annotated[str, typer.Argument(help="Target revision, or 'base'.")],
    env_file: EnvFile = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Migrate the database down to REVISION."""
    url = _database_url(env_file, database_url)
    asyncio.run(migrations_runner.downgrade(url, revision))
    typer.echo(_report(url))


@database_app.command("current")
def current_command(env_file: EnvFile = None, database_url: DatabaseUrl = None) -> None:
    """Print the database's migration revision."""
    typer.echo(_report(_database_url(env_file, database_url)))
