"""The backup directory: one sub-directory per backup, named by its UTC time.

A backup is written under a hidden `.partial-...` name and renamed into place only after
every part was written and verified, so a crash or a full disk never leaves something that
looks like a good backup. Directories are 0700 and files 0600: backups hold customer data
and, with the settings file, every secret.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shop_adapters.backup.errors import BackupError

PREFIX = "shop-"
STAMP = "%Y%m%dT%H%M%SZ"
MANIFEST = "manifest.json"
PARTIAL = ".partial-"


@dataclass(frozen=True, slots=True)
class StoredBackup:
    path: Path
    taken_at: datetime
    manifest: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name

    def size_bytes(self) -> int:
        return sum(part.stat().st_size for part in self.path.iterdir() if part.is_file())


def parse_name(name: str) -> datetime | None:
    if not name.startswith(PREFIX):
        return None
    try:
        return datetime.strptime(name.removeprefix(PREFIX), STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


class BackupDirectory:
    def __init__(self, root: Path) -> None:
        self.root = root

    def list(self) -> list[StoredBackup]:
        """Finished backups, oldest first; partial ones and foreign files are ignored."""
        if not self.root.is_dir():
            return []
        found = []
        for path in self.root.iterdir():
            taken_at = parse_name(path.name)
            if taken_at is not None and (path / MANIFEST).is_file():
                found.append(StoredBackup(path, taken_at, _read_manifest(path)))
        return sorted(found, key=lambda backup: backup.taken_at)

    def find(self, name: str) -> StoredBackup:
        for backup in self.list():
            if name == backup.name or Path(name).resolve() == backup.path.resolve():
                return backup
        raise BackupError(f"no backup named {name!r} in {self.root}")

    @contextmanager
    def writing(self, taken_at: datetime) -> Iterator[Path]:
        """A private temporary directory; renamed to the final name when the block succeeds,
        deleted when it raises."""
        final = self.root / (PREFIX + taken_at.astimezone(UTC).strftime(STAMP))
        if final.exists():
            raise BackupError(f"{final} already exists")
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = self.root / (PARTIAL + final.name)
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(mode=0o700)
        try:
            yield partial
            for part in partial.iterdir():
                part.chmod(0o600)
            os.replace(partial, final)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise

    @staticmethod
    def write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
        path = directory / MANIFEST
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(manifest, file, indent=2, sort_keys=True)
            file.flush()
            os.fsync(file.fileno())

    @staticmethod
    def delete(backup: StoredBackup) -> None:
        shutil.rmtree(backup.path)


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}
