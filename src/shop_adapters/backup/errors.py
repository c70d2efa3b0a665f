"""What can go wrong with a backup; the CLI shows the message and exits non-zero."""

from __future__ import annotations


class BackupError(Exception):
    """A backup could not be written, verified, listed or restored."""


class RestoreRefusedError(BackupError):
    """The target database already holds data and `--force` was not given."""
