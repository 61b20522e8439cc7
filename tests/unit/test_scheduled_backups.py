"""Scheduled backups with a fake clock: a backup only when the database changed, the policy applied
after each, and a missed tick (the machine slept) run once."""

from __future__ import annotations

from pathlib import Path

from backup_api_server.engine import BackupEngine
from backup_api_server.engine.maintenance import Maintenance, Schedules, created_at
from backup_api_server.engine.periodic import Periodic
from backup_api_server.engine.retention import RetentionPolicy, apply_policy
from backup_api_server.engine.schedule import ScheduledBackups, ScheduleRun
from tests.unit.conftest import EngineFactory

HOUR = 3600.0
START = 1_780_000_000.0  # 2026-05-28 20:26:40 UTC
POLICY = RetentionPolicy(keep_last=2, keep_hourly=3)


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def time_ns(self) -> int:
        return int(self.now * 1_000_000_000)


def scheduled(engine: BackupEngine, clock: FakeClock, policy: RetentionPolicy) -> Periodic[ScheduleRun]:
    maintenance = Maintenance(engine, Schedules(keep=policy))
    return Periodic(
        "scheduled backups",
        HOUR,
        ScheduledBackups(engine, lambda: maintenance.prune(policy).removed),
        clock=clock,
    )


def stored(engine: BackupEngine) -> list[str]:
    return [backup.id.root for backup in engine.list_backups()]


def assert_policy_holds(engine: BackupEngine) -> None:
    """Applying the policy to what is stored removes nothing, and the newest backup is there."""
    records = engine.page_backups(None, 1000)[0]
    decision = apply_policy([(record.backup_id, created_at(record.backup_id)) for record in records], POLICY)
    assert decision.removed == []
    assert len(records) <= POLICY.keep_last + POLICY.keep_hourly


def test_a_day_of_hourly_ticks_backs_up_exactly_the_5_hours_the_database_changed(
    make_engine: EngineFactory,
) -> None:
    clock = FakeClock(START)
    engine = make_engine(time_ns=clock.time_ns)
    engine.database.put({"id": "first", "text": "before the day"})
    schedule = scheduled(engine, clock, POLICY)
    clock.now += HOUR
    assert schedule.tick() and schedule.last_outcome is not None
    assert schedule.last_outcome.outcome == "BACKED_UP"  # no backup of this database yet
    changed_hours = {3, 4, 9, 15, 22}
    made = []

    for hour in range(1, 25):
        clock.now += HOUR
        if hour in changed_hours:
            engine.database.put({"id": f"asset-{hour}", "text": f"written in hour {hour}"})
        assert schedule.tick()
        run = schedule.last_outcome
        assert run is not None
        if hour in changed_hours:
            assert run.outcome == "BACKED_UP" and run.backup_id is not None
            made.append(run.backup_id)
        else:
            assert run.outcome == "UNCHANGED" and run.backup_id is None
        assert_policy_holds(engine)

    assert len(made) == 5
    assert made[-1] == stored(engine)[0]
    # The newest backups survive: the last 2 and one per hour for 3 hours (all distinct hours here).
    assert stored(engine) == list(reversed(made))[:3]


def test_a_missed_tick_runs_once_on_waking(make_engine: EngineFactory) -> None:
    clock = FakeClock(START)
    engine = make_engine(time_ns=clock.time_ns)
    schedule = scheduled(engine, clock, POLICY)
    engine.database.put({"id": "a"})
    clock.now += 10 * HOUR  # slept through nine due times

    assert schedule.tick()
    assert not schedule.tick()  # once, not once per missed tick
    assert schedule.next_run == clock.now + HOUR
    assert len(stored(engine)) == 1


def test_a_restart_does_not_back_up_an_unchanged_database(make_engine: EngineFactory, tmp_path: Path) -> None:
    clock = FakeClock(START)
    directory = tmp_path / "restarted"
    with make_engine(directory, time_ns=clock.time_ns) as engine:
        engine.database.put({"id": "a"})
        assert ScheduledBackups(engine, None)().outcome == "BACKED_UP"
    clock.now += HOUR
    engine = make_engine(directory, time_ns=clock.time_ns)

    assert ScheduledBackups(engine, None)().outcome == "UNCHANGED"
    engine.database.put({"id": "a", "text": "edited in place"})  # same count, other content
    assert ScheduledBackups(engine, None)().outcome == "BACKED_UP"
