"""`shop backup create | list | restore | prune`: timestamped, verified backups.

Settings come from the `backup` section (directory, retention, pg_bin_dir) and the database
and Redis URLs the shop itself uses; `--database-url` and `--directory` override them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from shop_adapters.backup.errors import BackupError
from shop_adapters.backup.layout import BackupDirectory
from shop_adapters.backup.service import BackupPlan, create_backup, prune, restore_backup
from shop_domain.model.backup_rotation import RetentionPolicy
from shop_entrypoints.settings import DEFAULT_ENV_FILE, Settings, load_settings

backup_app = typer.Typer(help="Back up and restore the database.", no_args_is_help=True)

EnvFile = Annotated[
    Path | None, typer.Option("--env-file", help="Settings file (default ./.env).", dir_okay=False)
]
DatabaseUrl = Annotated[
    str | None, typer.Option("--database-url", help="Override SHOP_DATABASE__URL.")
]
Directory = Annotated[
    Path | None, typer.Option("--directory", help="Override SHOP_BACKUP__DIRECTORY.")
]


def _settings(env_file: Path | None) -> Settings:
    try:
        return load_settings(env_file)
    except ValidationError as error:
        typer.echo(
            f"invalid configuration ({error.error_count()} problem(s)): run `shop check-config`",
            err=True,
        )
        raise typer.Exit(code=1) from None


def _fail(error: BackupError) -> typer.Exit:
    typer.echo(f"error: {error}", err=True)
    return typer.Exit(code=1)


@backup_app.command("create")
def create_command(
    env_file: EnvFile = None, database_url: DatabaseUrl = None, directory: Directory = None
) -> None:
    """Write a new backup: database, Redis snapshot (when possible) and the settings file."""
    settings = _settings(env_file)
    redis = settings.redis.url
    plan = BackupPlan(
        database_url=database_url or settings.database_url,
        directory=directory or settings.backup.directory,
        redis_url=redis.get_secret_value() if redis and settings.backup.include_redis else None,
        env_file=(env_file or DEFAULT_ENV_FILE) if settings.backup.include_env_file else None,
        pg_bin_dir=settings.backup.pg_bin_dir,
    )
    try:
        backup = create_backup(plan, datetime.now(UTC))
    except BackupError as error:
        raise _fail(error) from None
    redis_state = backup.manifest.get("redis")
    typer.echo(f"{backup.path} ({backup.size_bytes()} bytes, verified; redis: {redis_state})")


@backup_app.command("list")
def list_command(env_file: EnvFile = None, directory: Directory = None) -> None:
    """Show the finished backups, oldest first."""
    root = directory or _settings(env_file).backup.directory
    backups = BackupDirectory(root).list()
    if not backups:
        typer.echo(f"no backups in {root}")
    for backup in backups:
        parts = [backup.manifest.get("database", "?"), f"{backup.size_bytes()} bytes"]
        if backup.manifest.get("redis") == "redis.rdb":
            parts.append("redis")
        if "settings_file" in backup.manifest:
            parts.append("settings")
        typer.echo(f"{backup.name}  {backup.taken_at.isoformat()}  {', '.join(parts)}")


@backup_app.command("restore")
def restore_command(
    name: Annotated[str, typer.Argument(help="Backup name (see `shop backup list`) or path.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that already holds data.")
    ] = False,
    env_file: EnvFile = None,
    database_url: DatabaseUrl = None,
    directory: Directory = None,
) -> None:
    """Restore the database from a backup. Stop the shop first."""
    settings = _settings(env_file)
    try:
        backup = BackupDirectory(directory or settings.backup.directory).find(name)
        url = database_url or settings.database_url
        restore_backup(backup, url, force=force, pg_bin_dir=settings.backup.pg_bin_dir)
    except BackupError as error:
        raise _fail(error) from None
    typer.echo(f"restored the database from {backup.name}")
    if "settings_file" in backup.manifest:
        typer.echo(f"the settings file saved with it: {backup.path / 'settings.env'}")
    if backup.manifest.get("redis") == "redis.rdb":
        typer.echo(f"Redis snapshot (optional, copy over dump.rdb): {backup.path / 'redis.rdb'}")


@backup_app.command("prune")
def prune_command(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only show what would go.")] = False,
    env_file: EnvFile = None,
    directory: Directory = None,
) -> None:
    """Delete backups outside the retention (keep_daily, keep_weekly, keep_monthly)."""
    section = _settings(env_file).backup
    policy = RetentionPolicy(section.keep_daily, section.keep_weekly, section.keep_monthly)
    doomed = prune(directory or section.directory, policy, dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    for backup in doomed:
        typer.echo(f"{verb} {backup.name}")
    typer.echo(f"{verb} {len(doomed)} backup(s)")
