from pathlib import Path

from typer.testing import CliRunner

from shop_entrypoints.cli import app


def test_shop_db_commands_walk_a_real_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'shop.sqlite3'}"
    runner = CliRunner()
    empty = runner.invoke(app, ["db", "current", "--database-url", url])
    assert empty.exit_code == 0, empty.output
    assert "no revision" in empty.output
    up = runner.invoke(app, ["db", "upgrade", "--database-url", url])
    assert up.exit_code == 0, up.output
    assert "is at 0003" in up.output  # the head revision
    down = runner.invoke(app, ["db", "downgrade", "0001", "--database-url", url])
    assert "is at 0001" in down.output


def test_shop_db_hides_the_database_password(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["db", "current", "--database-url", "postgresql+asyncpg://u:s3cret@127.0.0.1:1/x"]
    )
    assert "s3cret" not in result.output
