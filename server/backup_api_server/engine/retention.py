"""Which backups a retention policy keeps: restic's `forget` semantics, as a pure function.

`apply_policy` is restic's `ApplyPolicy` (internal/data/snapshot_policy.go) for the rules this API
offers: keep the last n, and the newest backup of each of the last n hours, days, ISO weeks, months
and years. Backups are walked newest first; each rule with count left keeps a backup whose bucket
(its local calendar hour, day, ISO year-week, month or year) differs from the last one that rule
kept, and uses up one count (-1: no limit). A rule with count left also keeps the oldest backup
("oldest daily snapshot"), which keeps the history as long as the policy allows. A backup kept by
several rules is kept once and lists every rule that kept it. Nothing else is read: the caller
decides what may really be removed (never the newest backup, never one being restored).

`tests/unit/test_retention_restic.py` checks it against restic's own expected sets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

__all__ = ["KeptBackup", "RetentionDecision", "RetentionPolicy", "apply_policy"]

UNLIMITED = -1


@dataclass(frozen=True)
class RetentionPolicy:
    """How many backups each rule keeps; 0: the rule is off, -1: every bucket."""

    keep_last: int = 0
    keep_hourly: int = 0
    keep_daily: int = 0
    keep_weekly: int = 0
    keep_monthly: int = 0
    keep_yearly: int = 0

    def __post_init__(self) -> None:
        for name, count in self.counts():
            if count < UNLIMITED:
                raise ValueError(f"{name} must be -1 (every one), 0 (off) or a positive count, not {count}")

    def counts(self) -> list[tuple[str, int]]:
        return [
            ("keep_last", self.keep_last),
            ("keep_hourly", self.keep_hourly),
            ("keep_daily", self.keep_daily),
            ("keep_weekly", self.keep_weekly),
            ("keep_monthly", self.keep_monthly),
            ("keep_yearly", self.keep_yearly),
        ]

    @property
    def empty(self) -> bool:
        """A policy with no rule keeps nothing (restic refuses to apply one; so does the engine)."""
        return all(count == 0 for _, count in self.counts())


@dataclass(frozen=True)
class KeptBackup:
    backup_id: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class RetentionDecision:
    """What the policy keeps (newest first, each with the rules that kept it) and removes."""

    kept: list[KeptBackup] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


_Bucket = Callable[[datetime, int], int]


def _hour(moment: datetime, _: int) -> int:
    return moment.year * 1_000_000 + moment.month * 10_000 + moment.day * 100 + moment.hour


def _day(moment: datetime, _: int) -> int:
    return moment.year * 10_000 + moment.month * 100 + moment.day


def _iso_week(moment: datetime, _: int) -> int:
    year, week, _weekday = moment.isocalendar()
    return year * 100 + week


def _month(moment: datetime, _: int) -> int:
    return moment.year * 100 + moment.month


def _year(moment: datetime, _: int) -> int:
    return moment.year


def _each(_: datetime, position: int) -> int:
    return position


# (reason, bucket) in restic's order, which is the order a backup's reasons are listed in.
_RULES: tuple[tuple[str, _Bucket], ...] = (
    ("last snapshot", _each),
    ("hourly snapshot", _hour),
    ("daily snapshot", _day),
    ("weekly snapshot", _iso_week),
    ("monthly snapshot", _month),
    ("yearly snapshot", _year),
)


def apply_policy(
    backups: Sequence[tuple[str, datetime]], policy: RetentionPolicy, zone: tzinfo | None = None
) -> RetentionDecision:
    """Apply `policy` to `backups` (id, aware creation time), bucketing by local calendar time in
    `zone` (None: the machine's). Ties in time keep the order given (restic sorts stably)."""
    ordered = sorted(backups, key=lambda backup: backup[1], reverse=True)
    remaining = [count for _, count in policy.counts()]
    last_bucket: list[int | None] = [None] * len(_RULES)
    decision = RetentionDecision()
    for position, (backup_id, created) in enumerate(ordered):
        local = created.astimezone(zone)
        oldest = position == len(ordered) - 1
        reasons: list[str] = []
        for rule, (reason, bucket_of) in enumerate(_RULES):
            if remaining[rule] == 0:
                continue
            bucket = bucket_of(local, position)
            if bucket == last_bucket[rule] and not oldest:
                continue
            reasons.append(f"oldest {reason}" if bucket == last_bucket[rule] else reason)
            last_bucket[rule] = bucket
            if remaining[rule] > 0:
                remaining[rule] -= 1
        if reasons:
            decision.kept.append(KeptBackup(backup_id, tuple(reasons)))
        else:
            decision.removed.append(backup_id)
    return decision
