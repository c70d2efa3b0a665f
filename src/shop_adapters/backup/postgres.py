"""PostgreSQL through its own tools: pg_dump (custom format), pg_restore --list to verify,
pg_restore to bring it back.

The password travels in PGPASSWORD, never on the command line (where `ps` shows it) and
never in a log line. pg_dump must be at least as new as the server; the newest installed
`/usr/lib/postgresql/*/bin` is preferred over an older one on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from shop_adapters.backup.errors import BackupError

TIMEOUT_SECONDS = 3600


def find_tool(name: str, bin_dir: Path | None = None) -> Path:
    if bin_dir is not None:
        candidate = bin_dir / name
        if not candidate.is_file():
            raise BackupError(f"{name} not found in {bin_dir}")
        return candidate
    installed = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
    )
    if installed:
        return installed[-1]
    on_path = shutil.which(name)
    if on_path is None:
        raise BackupError(f"{name} not found: install the PostgreSQL client or set pg_bin_dir")
    return Path(on_path)


def libpq_environment(url: str) -> dict[str, str]:
    """SQLAlchemy's URL as the PG* variables libpq reads."""
    parsed = make_url(url)
    values = {
        "PGHOST": parsed.host,
        "PGPORT": None if parsed.port is None else str(parsed.port),
        "PGUSER": parsed.username,
        "PGPASSWORD": parsed.password,
        "PGDATABASE": parsed.database,
        "PGSSLMODE": parsed.query.get("sslmode") or parsed.query.get("ssl"),
    }
    return {name: str(value) for name, value in values.items() if value}


def _run(arguments: list[str], url: str | None = None) -> str:
    environment = {**os.environ, **(libpq_environment(url) if url else {})}
    try:
        done = subprocess.run(  # noqa: S603 - our own arguments
            arguments,
            env=environment,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupError(f"{Path(arguments[0]).name} could not run: {error}") from error
    if done.returncode != 0:
        raise BackupError(f"{Path(arguments[0]).name} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout


def verify(dump: Path, bin_dir: Path | None = None) -> int:
    """Read the dump's table of contents; the number of entries in it."""
    listing = _run([str(find_tool("pg_restore", bin_dir)), "--list", str(dump)])
    entries = [line for line in listing.splitlines() if line and not line.startswith(";")]
    if not entries:
        raise BackupError(f"{dump.name} has an empty table of contents")
    return len(entries)


def backup(url: str, target: Path, bin_dir: Path | None = None) -> int:
    pg_dump = str(find_tool("pg_dump", bin_dir))
    _run([pg_dump, "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)], url)
    return verify(target, bin_dir)


def restore(dump: Path, url: str, bin_dir: Path | None = None) -> None:
    verify(dump, bin_dir)
    pg_restore = str(find_tool("pg_restore", bin_dir))
    arguments = [pg_restore, "--clean", "--if-exists", "--no-owner", "--no-privileges"]
    arguments += ["--single-transaction", "--exit-on-error", "--dbname", _dbname(url), str(dump)]
    _run(arguments, url)


def _dbname(url: str) -> str:
    database = make_url(url).database
    if not database:
        raise BackupError("the database URL names no database")
    return database
