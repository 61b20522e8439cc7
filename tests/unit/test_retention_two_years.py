"""Retention over 1,000 backups spread over two years, 10 policies, against a second formulation.

restic's own expected sets (`test_retention_restic.py`) are the independent check; this one adds
scale and the bucket edges two years cross (ISO weeks across new year, leap day, month ends) and
checks the walk against restic's rules stated as sets: for each rule with count n, the newest
backup of each of the n newest buckets, plus the oldest backup when fewer than n buckets come
before it; a backup kept by several rules once, with every rule's reason.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from backup_api_server.engine.retention import RetentionPolicy, apply_policy

POLICIES = [
    RetentionPolicy(keep_last=10),
    RetentionPolicy(keep_hourly=48),
    RetentionPolicy(keep_daily=7),
    RetentionPolicy(keep_daily=400),
    RetentionPolicy(keep_weekly=10),
    RetentionPolicy(keep_weekly=200),
    RetentionPolicy(keep_monthly=12),
    RetentionPolicy(keep_yearly=5),
    RetentionPolicy(keep_last=3, keep_daily=7, keep_weekly=4, keep_monthly=6),
    RetentionPolicy(keep_hourly=24, keep_daily=30, keep_weekly=-1, keep_yearly=2),
]


def two_years_of_backups() -> list[tuple[str, datetime]]:
    generator = random.Random(2024)
    start = datetime(2023, 12, 20, tzinfo=UTC)  # across two new years and the 2024 leap day
    seconds = sorted(generator.uniform(0, 2 * 365 * 86400) for _ in range(1000))
    return [(f"backup-{index:04}", start + timedelta(seconds=second)) for index, second in enumerate(seconds)]


def bucket_keys(moment: datetime, position: int) -> list[object]:
    year, week, _ = moment.isocalendar()
    return [
        position,
        (moment.year, moment.month, moment.day, moment.hour),
        (moment.year, moment.month, moment.day),
        (year, week),
        (moment.year, moment.month),
        moment.year,
    ]


REASONS = ["last", "hourly", "daily", "weekly", "monthly", "yearly"]


def kept_as_sets(backups: list[tuple[str, datetime]], policy: RetentionPolicy) -> dict[str, list[str]]:
    newest_first = sorted(backups, key=lambda backup: backup[1], reverse=True)
    reasons: dict[str, list[str]] = {}
    for rule, (_, count) in enumerate(policy.counts()):
        if count == 0:
            continue
        first_of_bucket: dict[object, str] = {}
        for position, (backup_id, moment) in enumerate(newest_first):
            first_of_bucket.setdefault(bucket_keys(moment, position)[rule], backup_id)
        chosen = list(first_of_bucket.values())
        taken = chosen if count < 0 else chosen[:count]
        for backup_id in taken:
            reasons.setdefault(backup_id, []).append(f"{REASONS[rule]} snapshot")
        oldest = newest_first[-1][0]
        buckets_before_oldest = len({bucket_keys(m, p)[rule] for p, (_, m) in enumerate(newest_first[:-1])})
        if oldest not in taken and (count < 0 or buckets_before_oldest < count):
            reasons.setdefault(oldest, []).append(f"oldest {REASONS[rule]} snapshot")
    return reasons


@pytest.mark.parametrize("policy", POLICIES, ids=lambda policy: str(policy))
def test_the_walk_keeps_what_the_rules_stated_as_sets_keep(policy: RetentionPolicy) -> None:
    backups = two_years_of_backups()

    decision = apply_policy(backups, policy, UTC)

    expected = kept_as_sets(backups, policy)
    assert {kept.backup_id: list(kept.reasons) for kept in decision.kept} == expected
    assert set(decision.removed) == {backup_id for backup_id, _ in backups} - set(expected)
    assert decision.kept[0].backup_id == "backup-0999"  # the newest is always kept
