"""Redis: ask for a fresh RDB snapshot (BGSAVE), wait for it, and copy the file.

This works when Redis runs on the same machine and its data directory is readable (the
usual single-server install). Redis in another container or a managed Redis without
`CONFIG GET` cannot be copied this way; the backup then records why it has no snapshot.
The shop keeps only throttles, caches and unfinished dialogs in Redis, so a backup without
it loses nothing a customer paid for.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from redis import Redis
from redis.exceptions import RedisError, ResponseError

from shop_adapters.backup.errors import BackupError

WAIT_SECONDS = 120.0
POLL_SECONDS = 0.2


def _wait_for_save(client: Redis, before: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if _idle_and_saved(client, before):
            return
        time.sleep(POLL_SECONDS)
    raise BackupError("Redis did not finish BGSAVE in time")


def _idle_and_saved(client: Redis, before: int) -> bool:
    info = client.info("persistence")
    assert isinstance(info, dict)  # noqa: S101 - redis-py's sync client returns a dict
    done = not info.get("rdb_bgsave_in_progress") and info.get("rdb_last_bgsave_status") == "ok"
    return bool(done and int(info.get("rdb_last_save_time", 0)) >= before)


def snapshot(url: str, target: Path) -> None:
    """Copy a fresh dump.rdb to `target`; BackupError says why when it cannot."""
    client = Redis.from_url(url, socket_timeout=10)
    try:
        before = int(client.time()[0])  # the server's clock, as rdb_last_save_time is
        try:
            client.bgsave()
        except ResponseError as error:  # "Background save already in progress" is fine
            if "in progress" not in str(error):
                raise
        _wait_for_save(client, before)
        config = client.config_get("dir")
        config.update(client.config_get("dbfilename"))
    except RedisError as error:
        raise BackupError(f"Redis snapshot failed: {type(error).__name__}: {error}") from error
    finally:
        client.close()
    source = Path(str(config["dir"])) / str(config["dbfilename"])
    try:
        shutil.copyfile(source, target)
    except OSError as error:
        raise BackupError(f"cannot read Redis's {source}: {error.strerror}") from error
