"""Backups: pg_dump/pg_restore, SQLite's online backup API, Redis RDB snapshots and the
settings file, in timestamped directories written atomically and verified after writing."""
