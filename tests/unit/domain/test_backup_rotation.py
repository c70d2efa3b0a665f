from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shop_domain.model.backup_rotation import RetentionPolicy

START = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)  # a Thursday


def nightly(days: int) -> list[datetime]:
    return [START + timedelta(days=n) for n in range(days)]


def test_nightly_backups_for_a_year_keep_seven_four_and_six() -> None:
    stamps = nightly(365)
    kept = RetentionPolicy(daily=7, weekly=4, monthly=6).keep(stamps)

    newest = stamps[-1]
    assert set(stamps[-7:]) <= kept  # the last seven days
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 6
    # the newest of each kept month is its last night
    assert datetime(2026, 11, 30, 3, 0, tzinfo=UTC) in kept
    assert newest == datetime(2026, 12, 31, 3, 0, tzinfo=UTC)
    assert len(kept) <= 7 + 4 + 6


def test_several_backups_a_day_keep_the_newest_of_each_day() -> None:
    stamps = [START + timedelta(hours=h) for h in range(0, 72, 6)]
    kept = RetentionPolicy(daily=2, weekly=0, monthly=0).keep(stamps)
    assert kept == {START + timedelta(hours=66), START + timedelta(hours=42)}


def test_a_gap_does_not_eat_the_dailies() -> None:
    stamps = [*nightly(3), *(START + timedelta(days=30 + n) for n in range(2))]
    kept = RetentionPolicy(daily=4, weekly=0, monthly=0).keep(stamps)
    assert kept == set(stamps[1:])


def test_the_newest_backup_survives_a_keep_nothing_policy() -> None:
    stamps = nightly(10)
    assert RetentionPolicy(0, 0, 0).keep(stamps) == {stamps[-1]}
    assert RetentionPolicy().keep([]) == set()


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        RetentionPolicy(daily=-1)


stamps_strategy = st.lists(
    st.datetimes(
        min_value=datetime(2020, 1, 1),  # noqa: DTZ001 - hypothesis adds the timezone
        max_value=datetime(2030, 1, 1),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    max_size=200,
)
counts = st.integers(min_value=0, max_value=12)


@given(stamps_strategy, counts, counts, counts)
def test_what_is_kept_is_bounded_and_includes_the_newest(
    stamps: list[datetime], daily: int, weekly: int, monthly: int
) -> None:
    kept = RetentionPolicy(daily, weekly, monthly).keep(stamps)
    assert kept <= set(stamps)
    assert len(kept) <= max(1, daily + weekly + monthly)
    assert (max(stamps) in kept) if stamps else (kept == set())


@given(stamps_strategy, counts, counts, counts)
def test_pruning_twice_changes_nothing(
    stamps: list[datetime], daily: int, weekly: int, monthly: int
) -> None:
    policy = RetentionPolicy(daily, weekly, monthly)
    kept = policy.keep(stamps)
    assert policy.keep(kept) == kept


@given(stamps_strategy, counts)
def test_each_of_the_newest_days_keeps_exactly_one(stamps: list[datetime], daily: int) -> None:
    kept = RetentionPolicy(daily=daily, weekly=0, monthly=0).keep(stamps)
    days = sorted({t.date() for t in stamps}, reverse=True)[:daily]
    for day in days:
        on_that_day = [t for t in stamps if t.date() == day]
        assert [t for t in kept if t.date() == day] == [max(on_that_day)]
