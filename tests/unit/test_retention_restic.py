"""Retention against restic's own expected sets (vendored under `restic_policy/`, BSD-2-Clause).

Each case is a policy of restic's `TestApplyPolicy` table that uses only rules this API offers;
the expected backups and reasons come from restic's golden files, not from the code under test.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.engine.retention import RetentionPolicy, apply_policy

DATA = Path(__file__).parent / "restic_policy"

# Index in restic's `tests` table -> that policy (restic's field names: Last, Hourly, ...).
RESTIC_POLICIES: dict[int, RetentionPolicy] = {
    1: RetentionPolicy(keep_last=10),
    2: RetentionPolicy(keep_last=15),
    3: RetentionPolicy(keep_last=99),
    4: RetentionPolicy(keep_last=200),
    5: RetentionPolicy(keep_hourly=20),
    6: RetentionPolicy(keep_daily=3),
    7: RetentionPolicy(keep_daily=10),
    8: RetentionPolicy(keep_daily=30),
    9: RetentionPolicy(keep_last=5, keep_daily=5),
    10: RetentionPolicy(keep_last=2, keep_daily=10),
    11: RetentionPolicy(keep_weekly=2),
    12: RetentionPolicy(keep_weekly=4),
    13: RetentionPolicy(keep_daily=3, keep_weekly=4),
    14: RetentionPolicy(keep_monthly=6),
    15: RetentionPolicy(keep_daily=2, keep_weekly=2, keep_monthly=6),
    16: RetentionPolicy(keep_yearly=10),
    17: RetentionPolicy(keep_daily=7, keep_weekly=2, keep_monthly=3, keep_yearly=10),
    36: RetentionPolicy(keep_last=-1),
    37: RetentionPolicy(keep_last=-1, keep_hourly=-1),
    38: RetentionPolicy(keep_hourly=-1),
    39: RetentionPolicy(keep_daily=3, keep_weekly=2, keep_monthly=-1, keep_yearly=-1),
}


def _restic_time(text: str) -> datetime:
    # Go's layout "2006-01-02 15:04:05" also reads fractional seconds ("10:20:30.1").
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _golden_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _snapshots() -> list[tuple[str, datetime]]:
    times = json.loads((DATA / "snapshot_times.json").read_text())
    return [(f"snapshot-{index:03}", _restic_time(text)) for index, text in enumerate(times)]


def _golden(index: int) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((DATA / f"policy_keep_snapshots_{index}").read_text())
    return loaded


def test_the_vendored_input_is_restics_103_snapshots() -> None:
    snapshots = _snapshots()
    assert len(snapshots) == 103
    assert snapshots[0][1] == datetime(2014, 9, 1, 10, 20, 30, tzinfo=UTC)
    assert snapshots[14][1] == datetime(2014, 8, 13, 10, 20, 30, 100000, tzinfo=UTC)


@pytest.mark.parametrize("index", sorted(RESTIC_POLICIES))
def test_policy_keeps_exactly_what_restic_forget_keeps(index: int) -> None:
    snapshots = _snapshots()
    time_of = dict(snapshots)
    golden = _golden(index)

    decision = apply_policy(snapshots, RESTIC_POLICIES[index], UTC)

    expected_times = [_golden_time(item["time"]) for item in golden["keep"] or []]
    assert [time_of[kept.backup_id] for kept in decision.kept] == expected_times
    expected_reasons = [tuple(reason["matches"]) for reason in golden.get("reasons") or []]
    assert [kept.reasons for kept in decision.kept] == expected_reasons
    kept_ids = {kept.backup_id for kept in decision.kept}
    assert kept_ids.isdisjoint(decision.removed)
    assert len(kept_ids) + len(decision.removed) == len(snapshots)


def test_buckets_are_local_calendar_time() -> None:
    """23:30 and 00:30 UTC are one day in New York (UTC-5) but two in UTC."""
    from zoneinfo import ZoneInfo

    backups = [
        ("late", datetime(2024, 1, 10, 0, 30, tzinfo=UTC)),
        ("early", datetime(2024, 1, 9, 23, 30, tzinfo=UTC)),
        ("before", datetime(2024, 1, 8, 12, 0, tzinfo=UTC)),
    ]
    policy = RetentionPolicy(keep_daily=2)
    assert [kept.backup_id for kept in apply_policy(backups, policy, UTC).kept] == ["late", "early"]
    new_york = apply_policy(backups, policy, ZoneInfo("America/New_York"))
    assert [kept.backup_id for kept in new_york.kept] == ["late", "before"]
    assert new_york.removed == ["early"]


def test_a_negative_count_other_than_minus_one_is_refused() -> None:
    with pytest.raises(ValueError, match="keep_daily"):
        RetentionPolicy(keep_daily=-2)
