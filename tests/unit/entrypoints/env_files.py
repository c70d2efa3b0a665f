"""Writing .env files for settings tests."""

from __future__ import annotations

from pathlib import Path


def write_env_file(directory: Path, lines: dict[str, str], name: str = "test.env") -> Path:
    path = directory / name
    path.write_text("".join(f"{key}={value}\n" for key, value in lines.items()), encoding="utf-8")
    return path
