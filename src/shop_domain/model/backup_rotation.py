"""Which backups to keep: the newest of each of the last N days, N ISO weeks and N months.

The classic grandfather-father-son scheme. Periods are counted over the periods that have a
backup, not over the calendar, so a shop that was down for a week still keeps N dailies. The
newest backup is always kept, whatever the policy says: pruning never leaves nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 6

    def __post_init__(self) -> None:
        if min(self.daily, self.weekly, self.monthly) < 0:
            raise ValueError("retention counts cannot be negative")

    def keep(self, taken_at: Iterable[datetime]) -> set[datetime]:
        """The timestamps to keep out of `taken_at`; the rest may be deleted."""
        newest_first = sorted(set(taken_at), reverse=True)
        if not newest_first:
            return set()
        kept = {newest_first[0]}
        kept |= _newest_per_period(newest_first, self.daily, lambda t: t.date())
        kept |= _newest_per_period(newest_first, self.weekly, lambda t: t.isocalendar()[:2])
        kept |= _newest_per_period(newest_first, self.monthly, lambda t: (t.year, t.month))
        return kept


def _newest_per_period(
    newest_first: list[datetime], count: int, period: Callable[[datetime], Hashable]
) -> set[datetime]:
    chosen: dict[Hashable, datetime] = {}
    for stamp in newest_first:
        if len(chosen) >= count:
            break
        chosen.setdefault(period(stamp), stamp)
    return set(chosen.values())
