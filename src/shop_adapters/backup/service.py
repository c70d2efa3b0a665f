"""Create, restore and prune backups: the steps, in order, behind `shop backup ...`."""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from shop_adapters.backup import postgres, redis_snapshot, sqlite
from shop_adapters.backup.contents import holds_data
from shop_adapters.backup.errors import BackupError, RestoreRefusedError
from shop_adapters.backup.layout import PARTIAL, BackupDirectory, StoredBackup
from shop_domain.model.backup_rotation import RetentionPolicy

PG_DUMP = "database.pgdump"
SQLITE_COPY = "database.sqlite3"
REDIS_COPY = "redis.rdb"
ENV_COPY = "settings.env"


@dataclass(frozen=True, slots=True)
class BackupPlan:
    database_url: str
    directory: Path
    redis_url: str | None = None
    env_file: Path | None = None
    pg_bin_dir: Path | None = None


def database_kind(url: str) -> str:
    driver = make_url(url).drivername
    if driver.startswith("postgresql"):
        return "postgresql"
    if driver.startswith("sqlite"):
        return "sqlite"
    raise BackupError(f"cannot back up a {driver} database")


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database has nothing to back up")
    return Path(database)


def create_backup(plan: BackupPlan, now: datetime) -> StoredBackup:
    store = BackupDirectory(plan.directory)
    kind = database_kind(plan.database_url)
    with store.writing(now) as partial:
        manifest: dict[str, Any] = {"created_at": now.isoformat(), "database": kind}
        if kind == "postgresql":
            entries = postgres.backup(plan.database_url, partial / PG_DUMP, plan.pg_bin_dir)
            manifest["database_file"], manifest["database_entries"] = PG_DUMP, entries
        else:
            sqlite.backup(sqlite_path(plan.database_url), partial / SQLITE_COPY)
            manifest["database_file"] = SQLITE_COPY
        manifest["redis"] = _redis_part(plan.redis_url, partial / REDIS_COPY)
        if plan.env_file is not None and plan.env_file.is_file():
            shutil.copyfile(plan.env_file, partial / ENV_COPY)
            manifest["settings_file"] = ENV_COPY
        BackupDirectory.write_manifest(partial, manifest)
    return store.find(partial.name.removeprefix(PARTIAL))


def _redis_part(url: str | None, target: Path) -> str:
    if url is None:
        return "not configured"
    try:
        redis_snapshot.snapshot(url, target)
    except BackupError as error:
        target.unlink(missing_ok=True)
        return f"skipped: {error}"
    return REDIS_COPY


def restore_backup(
    backup: StoredBackup, database_url: str, *, force: bool, pg_bin_dir: Path | None = None
) -> None:
    kind = database_kind(database_url)
    if backup.manifest.get("database") != kind:
        raise BackupError(f"{backup.name} holds a {backup.manifest.get('database')} database")
    if not force and _target_holds_data(kind, database_url):
        raise RestoreRefusedError("the target database holds data: pass --force to replace it")
    source = backup.path / str(backup.manifest["database_file"])
    if kind == "postgresql":
        postgres.restore(source, database_url, pg_bin_dir)
    else:
        sqlite.restore(source, sqlite_path(database_url))


def _target_holds_data(kind: str, url: str) -> bool:
    if kind == "sqlite" and not sqlite_path(url).exists():
        return False
    return asyncio.run(holds_data(url))


def prune(directory: Path, policy: RetentionPolicy, *, dry_run: bool = False) -> list[StoredBackup]:
    """Delete the backups the policy does not keep; the ones deleted (or that would be)."""
    backups = BackupDirectory(directory).list()
    keep = policy.keep(backup.taken_at for backup in backups)
    doomed = [backup for backup in backups if backup.taken_at not in keep]
    if not dry_run:
        for backup in doomed:
            BackupDirectory.delete(backup)
    return doomed
