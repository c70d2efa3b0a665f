"""`shop backup` end to end on the embedded SQLite database, through the real CLI."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shop_adapters.backup import sqlite
from shop_adapters.backup.errors import BackupError
from shop_entrypoints.cli_backup import backup_app
from tests.integration.backup.store import SETTINGS_ENV, customers, mode, seed

runner = CliRunner()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("SHOP_PANEL__API_TOKEN=panel-token\n")
    return tmp_path


def shop(*arguments: str, redis_url: str | None = None) -> tuple[int, str]:
    env = {**SETTINGS_ENV, "SHOP_BACKUP__INCLUDE_REDIS": "true"}
    if redis_url:
        env["SHOP_REDIS__URL"] = redis_url
    result = runner.invoke(backup_app, list(arguments), env=env)
    return result.exit_code, result.output


def test_backup_and_restore_round_trip(workdir: Path, redis_url: str) -> None:
    database = workdir / "shop.sqlite3"
    url = f"sqlite+aiosqlite:///{database}"
    seed(url, [1, 2, 3])
    backups = workdir / "backups"

    code, output = shop(
        "create", "--database-url", url, "--directory", str(backups), redis_url=redis_url
    )
    assert code == 0, output
    [made] = list(backups.iterdir())
    assert made.name.startswith("shop-")
    assert not [p for p in backups.iterdir() if p.name.startswith(".partial")]
    assert mode(backups) == 0o700
    assert {p.name: mode(p) for p in made.iterdir()} == {
        "manifest.json": 0o600,
        "database.sqlite3": 0o600,
        "redis.rdb": 0o600,
        "settings.env": 0o600,
    }
    assert (made / "redis.rdb").read_bytes().startswith(b"REDIS")
    assert (made / "settings.env").read_text() == "SHOP_PANEL__API_TOKEN=panel-token\n"
    manifest = json.loads((made / "manifest.json").read_text())
    assert manifest["database"] == "sqlite"

    seed(url, [4, 5])  # life goes on after the backup
    assert customers(url) == {1, 2, 3, 4, 5}

    code, output = shop("restore", made.name, "--database-url", url, "--directory", str(backups))
    assert code == 1
    assert "--force" in output
    assert customers(url) == {1, 2, 3, 4, 5}  # refused: nothing changed

    code, output = shop(
        "restore", made.name, "--force", "--database-url", url, "--directory", str(backups)
    )
    assert code == 0, output
    assert customers(url) == {1, 2, 3}


def test_restore_into_a_missing_database_needs_no_force(workdir: Path) -> None:
    source = f"sqlite+aiosqlite:///{workdir / 'old.sqlite3'}"
    seed(source, [7])
    assert shop("create", "--database-url", source, "--directory", "b")[0] == 0
    [made] = (workdir / "b").iterdir()

    target = f"sqlite+aiosqlite:///{workdir / 'new' / 'shop.sqlite3'}"
    code, output = shop("restore", str(made), "--database-url", target, "--directory", "b")

    assert code == 0, output
    assert customers(target) == {7}


def test_a_missing_database_leaves_no_backup_behind(workdir: Path) -> None:
    url = f"sqlite+aiosqlite:///{workdir / 'nothing.sqlite3'}"
    code, output = shop("create", "--database-url", url, "--directory", "b")
    assert code == 1
    assert "does not exist" in output
    assert list((workdir / "b").iterdir()) == []


def test_an_unreachable_redis_is_recorded_not_fatal(workdir: Path) -> None:
    url = f"sqlite+aiosqlite:///{workdir / 'shop.sqlite3'}"
    seed(url, [1])
    code, output = shop(
        "create", "--database-url", url, "--directory", "b", redis_url="redis://127.0.0.1:1/0"
    )
    assert code == 0, output
    assert "redis: skipped" in output
    [made] = (workdir / "b").iterdir()
    assert not (made / "redis.rdb").exists()


def test_verification_rejects_a_damaged_copy(tmp_path: Path) -> None:
    damaged = tmp_path / "database.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(BackupError, match=r"not a readable SQLite database|integrity"):
        sqlite.verify(damaged)


def test_the_list_shows_what_each_backup_holds(workdir: Path) -> None:
    url = f"sqlite+aiosqlite:///{workdir / 'shop.sqlite3'}"
    seed(url, [1])
    assert shop("create", "--database-url", url, "--directory", "b")[0] == 0
    (workdir / "b" / ".partial-shop-20990101T000000Z").mkdir()  # a crashed run: not listed

    code, output = shop("list", "--directory", "b")

    assert code == 0
    [line] = output.splitlines()
    assert line.startswith("shop-")
    assert "sqlite" in line
    assert "settings" in line


def test_wal_mode_database_is_copied_consistently(workdir: Path) -> None:
    path = workdir / "shop.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    seed(url, [1, 2])
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
    assert shop("create", "--database-url", url, "--directory", "b")[0] == 0
    [made] = (workdir / "b").iterdir()
    sqlite.verify(made / "database.sqlite3")


def test_prune_keeps_the_retention_and_deletes_the_rest(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = workdir / "b"
    start = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)
    for night in range(60):
        made = root / f"shop-{(start + timedelta(days=night)):%Y%m%dT%H%M%SZ}"
        made.mkdir(parents=True)
        (made / "manifest.json").write_text('{"database": "sqlite"}')
    (root / "notes.txt").write_text("not a backup")
    for name, value in {"KEEP_DAILY": "3", "KEEP_WEEKLY": "2", "KEEP_MONTHLY": "3"}.items():
        monkeypatch.setenv(f"SHOP_BACKUP__{name}", value)

    code, output = shop("prune", "--dry-run", "--directory", "b")
    assert code == 0, output
    assert output.splitlines()[-1] == "would delete 55 backup(s)"
    assert len(list(root.iterdir())) == 61

    code, output = shop("prune", "--directory", "b")
    assert code == 0, output
    left = sorted(p.name for p in root.iterdir())
    assert left == [
        "notes.txt",
        "shop-20260131T030000Z",  # newest of January
        "shop-20260222T030000Z",  # newest of the week before last
        "shop-20260227T030000Z",
        "shop-20260228T030000Z",
        "shop-20260301T030000Z",  # newest: day, week and month
    ]
