"""What one bot process spends on the hot path: /start from a returning user and a tap on
"main menu", against PostgreSQL, with the fake Bot API in a child process on loopback.

    uv run python -m scripts.bench_bot_updates --url postgresql+asyncpg://postgres@127.0.0.1:5432/scratch
    uv run python -m scripts.bench_bot_updates --url ... --baseline   # the code before the work
    uv run python -m scripts.bench_bot_updates --url ... --profile /tmp/bot.prof  # CPU profile

It migrates the database and adds returning customers with ids from 990000000000 (re-runs
reuse them); point it at a scratch database. The bot is the real container (the customer
lookup, SQLAlchemy units of work, in-process rate limiter and cache, the JSON-body Bot
session) with a fake panel that must see no call. The child process keeps the fake Bot API's
CPU out of the numbers. Updates are parsed before the clock starts, as polling parses them on
arrival; that cost is printed on its own line and doubles as a yardstick of how fast the
machine is at the moment (CPU time per update moves with the machine's load).

- probe: one update at a time: each update's CPU time and database round trips, exactly;
- burst: every user's update at once, `--in-flight` of them running: throughput, latency
  p50/p99 and CPU per update (the process's CPU time over the burst / updates).
Round trips are counted on asyncpg's wire (tests/perf/round_trips.py): pings, BEGIN and
ROLLBACK included.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from aiogram.types import Update

from shop_adapters.persistence.migrations_runner import upgrade
from shop_entrypoints.logging import configure_logging
from shop_entrypoints.settings.runtime import LogSettings
from tests.perf.bot_api_process import BotApiProcess
from tests.perf.bot_rig import TOKEN, BotRig, open_rig, seed_customers

FIRST_ID = 990_000_000_000


@dataclass(frozen=True, slots=True)
class Run:
    name: str
    updates: int
    seconds: float
    cpu_seconds: float
    latencies: Sequence[float]
    round_trips: int
    max_round_trips: int
    connects: int
    panel_calls: int
    cpu_samples: Sequence[float] = ()

    @property
    def _max_trips(self) -> str:
        return "" if self.max_round_trips < 0 else f" (max {self.max_round_trips})"

    def line(self) -> str:
        p50, p99 = _percentile(self.latencies, 0.5), _percentile(self.latencies, 0.99)
        cpu_p50 = (
            f"  cpu p50 {_percentile(self.cpu_samples, 0.5):.2f} ms" if self.cpu_samples else ""
        )
        return (
            f"{self.name:<14} {self.updates:>5} upd  {self.updates / self.seconds:>7,.0f} upd/s  "
            f"p50 {p50:>6.2f} ms  p99 {p99:>6.2f} ms  "
            f"cpu {self.cpu_seconds / self.updates * 1000:>5.2f} ms/upd  "
            f"db {self.round_trips / self.updates:>4.2f} rt/upd{self._max_trips}  "
            f"connects {self.connects}  panel {self.panel_calls}{cpu_p50}"
        )


def _percentile(samples: Sequence[float], share: float) -> float:
    """In milliseconds."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000


async def probe(rig: BotRig, name: str, updates: Sequence[Update]) -> Run:
    """One update at a time: per-update CPU and round trips are exact."""
    latencies, cpu, trips = [], [], []
    connects, panel_before = 0, len(rig.panel.calls)
    started = time.perf_counter()
    for update in updates:
        with rig.counter.measure() as tally:
            wall, cpu_before = time.perf_counter(), time.process_time()
            await rig.dispatcher.feed_update(rig.bot, update)
            cpu.append(time.process_time() - cpu_before)
            latencies.append(time.perf_counter() - wall)
        trips.append(tally.round_trips if rig.counter.is_postgresql else tally.statements)
        connects += tally.connects
    return Run(
        name,
        len(updates),
        time.perf_counter() - started,
        sum(cpu),
        latencies,
        sum(trips),
        max(trips),
        connects,
        len(rig.panel.calls) - panel_before,
        cpu,
    )


async def burst(rig: BotRig, name: str, updates: Sequence[Update], in_flight: int) -> Run:
    gate = asyncio.Semaphore(in_flight)
    latencies: list[float] = []

    async def one(update: Update) -> None:
        async with gate:
            wall = time.perf_counter()
            await rig.dispatcher.feed_update(rig.bot, update)
            latencies.append(time.perf_counter() - wall)

    panel_before = len(rig.panel.calls)
    with rig.counter.measure() as tally:
        started, cpu_before = time.perf_counter(), time.process_time()
        await asyncio.gather(*(one(update) for update in updates))
        cpu = time.process_time() - cpu_before
        seconds = time.perf_counter() - started
    trips = tally.round_trips if rig.counter.is_postgresql else tally.statements
    return Run(
        name,
        len(updates),
        seconds,
        cpu,
        latencies,
        trips,
        -1,
        tally.connects,
        len(rig.panel.calls) - panel_before,
    )


def _ids(start: int, count: int) -> list[int]:
    return [FIRST_ID + start + i for i in range(count)]


async def main(
    url: str, users: int, in_flight: int, probes: int, profile: str | None, baseline: bool
) -> None:
    configure_logging(LogSettings(level="WARNING", format="json"))
    await upgrade(url)
    api = BotApiProcess(TOKEN)
    api.start()
    rig = await open_rig(url, api.base_url, baseline=baseline)
    try:
        warm, probed, measured = _ids(0, 200), _ids(200, probes), _ids(200 + probes, users)
        await seed_customers(rig, warm + probed + measured)
        next_id = iter(range(1, 10**9))

        parse_started = time.process_time()
        starts = {uid: rig.start_update(next(next_id), uid) for uid in warm + probed + measured}
        parse_ms = (time.process_time() - parse_started) / len(starts) * 1000

        def taps(user_ids: Sequence[int]) -> list[Update]:
            screens = api.screens()
            return [rig.menu_tap(next(next_id), uid, screens[uid]) for uid in user_ids]

        await burst(rig, "warm-up", [starts[uid] for uid in warm], in_flight)
        await burst(rig, "warm-up", taps(warm), in_flight)
        gc.collect()
        profiler = cProfile.Profile(time.process_time)  # CPU, not waiting
        if profile:
            profiler.enable()
        runs = [await probe(rig, "probe /start", [starts[uid] for uid in probed])]
        runs.append(await probe(rig, "probe menu", taps(probed)))
        if profile:
            profiler.disable()
            profiler.dump_stats(profile)
        gc.collect()
        runs.append(await burst(rig, "burst /start", [starts[uid] for uid in measured], in_flight))
        gc.collect()
        runs.append(await burst(rig, "burst menu", taps(measured), in_flight))
        calls = api.calls()
    finally:
        await rig.close()
        api.stop()
    out = sys.stdout
    version = "baseline (before the performance work)" if baseline else "current code"
    out.write(f"{version}: {users} returning users, {in_flight} in flight\n")
    out.write(f"update parsing (before the clock): {parse_ms:.3f} ms CPU per update\n")
    for run in runs:
        out.write(run.line() + "\n")
    out.write(f"Bot API calls: {dict(sorted(calls.items()))}\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="postgresql+asyncpg:// scratch database")
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--in-flight", type=int, default=100)
    parser.add_argument("--probes", type=int, default=200)
    parser.add_argument("--profile", help="write cProfile stats of the probe runs to this file")
    parser.add_argument("--baseline", action="store_true", help="the hot path as it was before")
    arguments = parser.parse_args()
    asyncio.run(
        main(
            arguments.url,
            arguments.users,
            arguments.in_flight,
            arguments.probes,
            arguments.profile,
            arguments.baseline,
        )
    )
