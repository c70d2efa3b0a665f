"""The embedded SQLite database, copied with SQLite's online backup API.

`Connection.backup` copies a consistent snapshot page by page while the shop keeps running
(readers and writers wait only for each step). The copy is checked with
`PRAGMA integrity_check` before the backup counts as written. A restore copies the backup
into a temporary file next to the database and renames it over the database.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from shop_adapters.backup.errors import BackupError

PAGES_PER_STEP = 1024


def _copy(source: Path, target: Path) -> None:
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst, pages=PAGES_PER_STEP)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it


def verify(path: Path) -> None:
    """Raise BackupError unless `path` is a SQLite database that passes integrity_check."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path.name} is not a readable SQLite database: {error}") from error
    if result is None or result[0] != "ok":
        raise BackupError(f"{path.name} failed the integrity check: {result}")


def backup(source: Path, target: Path) -> None:
    if not source.is_file():
        raise BackupError(f"the SQLite database {source} does not exist")
    try:
        _copy(source, target)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite backup failed: {error}") from error
    verify(target)


def restore(backup_file: Path, database: Path) -> None:
    verify(backup_file)
    database.parent.mkdir(parents=True, exist_ok=True)
    staged = database.with_name(database.name + ".restoring")
    staged.unlink(missing_ok=True)
    try:
        _copy(backup_file, staged)
        verify(staged)
        for suffix in ("-wal", "-shm"):  # the old database's journal must not be replayed
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        os.replace(staged, database)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite restore failed: {error}") from error
    finally:
        staged.unlink(missing_ok=True)
