"""Which parts of the shop one process runs: `shop run` runs them all; `shop bot`, `shop web`
and `shop worker` run one part each, so a shop can scale out (docs/scaling.md).

- updates: Telegram updates by long polling (one process only) or, in webhook mode, on the web
  server's Telegram route;
- web: the aiohttp app (payment and panel webhooks, health, readiness, metrics);
- jobs: the job worker, the periodic scheduler and the operations watch.

A process without the jobs part only queues jobs, so the parts must share a Redis server:
with the in-process queue a job queued by `shop web` would never run.
"""

from __future__ import annotations

from dataclasses import dataclass

from shop_entrypoints.runner.preflight import StartupError
from shop_entrypoints.settings import Settings


@dataclass(frozen=True, slots=True)
class RunRoles:
    name: str
    updates: bool
    web: bool
    jobs: bool

    @property
    def is_everything(self) -> bool:
        return self.updates and self.web and self.jobs

    def takes_updates(self, webhook_mode: bool) -> bool:
        """In webhook mode updates arrive over HTTP: any process serving HTTP takes them."""
        return self.updates or (self.web and webhook_mode)

    def serves_http(self, webhook_mode: bool) -> bool:
        return self.web or (self.updates and webhook_mode)

    def check(self, settings: Settings) -> None:
        """Refuse a split process on the embedded stores, where its parts cannot meet."""
        if self.is_everything or settings.redis.url is not None:
            return
        msg = f"`shop {self.name}` runs one part of the shop; the parts hand jobs to each other"
        msg += " through Redis: set SHOP_REDIS__URL (and SHOP_DATABASE__URL), or use `shop run`"
        raise StartupError(msg)


EVERYTHING = RunRoles("run", updates=True, web=True, jobs=True)
BOT = RunRoles("bot", updates=True, web=False, jobs=False)
WEB = RunRoles("web", updates=False, web=True, jobs=False)
WORKER = RunRoles("worker", updates=False, web=False, jobs=True)
