"""Pruning stored backups with a retention policy: what is removed, what is protected, and two
servers pruning one shared bucket at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from backup_api_server.engine import BackupEngine
from backup_api_server.engine.maintenance import Maintenance, PruneReport, created_at
from backup_api_server.engine.retention import RetentionPolicy, apply_policy
from backup_api_server.storage.s3_store import S3Store, parse_s3_url
from tests.support.s3 import S3Server
from tests.unit.conftest import EngineFactory

DAY_NS = 86_400 * 10**9
START_NS = 1_750_000_000 * 10**9


def stepping_clock(start_ns: int, step_ns: int) -> Callable[[], int]:
    now = [start_ns]

    def time_ns() -> int:
        now[0] += step_ns
        return now[0]

    return time_ns


def make_backups(engine: BackupEngine, count: int) -> list[str]:
    made = []
    for index in range(count):
        engine.database.put({"id": f"asset-{index}"})
        backup_id = engine.start_creation(None)
        assert engine.wait_for_creation(backup_id, 10).value == "COMPLETED"
        made.append(backup_id)
    return made


def stored(engine: BackupEngine) -> set[str]:
    return {backup.id.root for backup in engine.list_backups()}


def test_prune_removes_what_the_policy_does_not_keep_and_says_why_it_kept_the_rest(
    make_engine: EngineFactory,
) -> None:
    engine = make_engine(time_ns=stepping_clock(START_NS, DAY_NS // 2))  # two backups a day
    made = make_backups(engine, 10)
    maintenance = Maintenance(engine)

    planned = maintenance.prune(RetentionPolicy(keep_last=1, keep_daily=3), dry_run=True)
    assert stored(engine) == set(made)  # a dry run removes nothing
    report = maintenance.prune(RetentionPolicy(keep_last=1, keep_daily=3))

    assert report.kept == planned.kept and report.removed == planned.removed
    assert report.kept[0].backup_id == made[-1]
    assert report.kept[0].reasons == ("last snapshot", "daily snapshot")
    assert len(report.kept) == 3 and stored(engine) == {kept.backup_id for kept in report.kept}
    assert set(report.removed) == set(made) - stored(engine)


def test_a_policy_without_rules_removes_nothing_as_restic_forget_without_one(
    make_engine: EngineFactory,
) -> None:
    engine = make_engine(time_ns=stepping_clock(START_NS, DAY_NS))
    made = make_backups(engine, 3)

    report = Maintenance(engine).prune(RetentionPolicy())

    assert report.removed == [] and stored(engine) == set(made)
    assert [kept.backup_id for kept in report.kept] == list(reversed(made))
    assert all(kept.reasons == ("no policy was given: nothing is removed",) for kept in report.kept)


def test_a_backup_being_restored_is_kept(make_engine: EngineFactory) -> None:
    gate = threading.Event()
    entered = threading.Event()

    def hold_restore(phase: str) -> None:
        if phase == "restore:verify":
            entered.set()
            gate.wait(10)

    engine = make_engine(time_ns=stepping_clock(START_NS, DAY_NS), step_hook=hold_restore)
    made = make_backups(engine, 4)
    handle = engine.start_restoration(made[0])
    assert entered.wait(10)
    try:
        report = Maintenance(engine).prune(RetentionPolicy(keep_last=1))
    finally:
        gate.set()
        handle.wait()

    assert made[0] in stored(engine)
    assert any(kept.backup_id == made[0] and "restoration" in kept.reasons[0] for kept in report.kept)
    assert set(report.removed) == set(made[1:3])


def test_two_servers_pruning_one_bucket_at_once_lose_nothing_the_policy_keeps(
    make_engine: EngineFactory, s3_server: S3Server, tmp_path: Path
) -> None:
    bucket = s3_server.new_bucket()

    def server(name: str, offset_ns: int) -> BackupEngine:
        store = S3Store(parse_s3_url(f"s3://{bucket}/shared"), client=s3_server.client(), writer_tag=name)
        return make_engine(
            tmp_path / name, store=store, time_ns=stepping_clock(START_NS + offset_ns, DAY_NS // 3)
        )

    first, second = server("aaaaaaaa", 0), server("bbbbbbbb", DAY_NS // 7)
    make_backups(first, 12)
    make_backups(second, 12)
    everything = sorted(stored(first), key=lambda backup_id: created_at(backup_id), reverse=True)
    assert len(everything) == 24 and stored(second) == set(everything)
    policy = RetentionPolicy(keep_last=2, keep_daily=4, keep_weekly=2)
    expected = apply_policy([(backup_id, created_at(backup_id)) for backup_id in everything], policy)
    reports: list[PruneReport] = []
    start = threading.Barrier(2)

    def prune(engine: BackupEngine) -> None:
        start.wait()
        reports.append(Maintenance(engine).prune(policy))

    threads = [threading.Thread(target=prune, args=(engine,)) for engine in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert len(reports) == 2  # neither failed
    kept = {backup.backup_id for backup in expected.kept}
    assert stored(first) == stored(second) == kept
    for report in reports:
        assert {backup.backup_id for backup in report.kept} == kept
        assert set(report.removed) == set(expected.removed)
