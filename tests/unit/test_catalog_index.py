"""The catalogue's index: pages as the full sorted list would give them, kept current by the
store's own writes and deletions and by what its watch sees behind its back."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.engine import BackupEngine
from backup_api_server.engine.catalog_index import CatalogIndex, list_order_key
from backup_api_server.storage.s3_store import S3Store, parse_s3_url
from backup_api_server.storage.store import LocalDirectoryStore
from tests.support.hostile import plant, record_for
from tests.support.s3 import S3Server
from tests.unit.conftest import EngineFactory


def listed_ids(engine: BackupEngine, limit: int = 100) -> list[str]:
    ids: list[str] = []
    before = None
    while True:
        page, more = engine.page_backups(before, limit)
        ids += [entry.backup_id for entry in page]
        if not more:
            return ids
        before = ids[-1]


def test_pages_are_slices_of_the_sorted_list_whatever_the_cursor() -> None:
    generator = random.Random(21)
    ids = [f"1.0.0_{generator.randrange(10**15, 10**16)}" for _ in range(300)]
    ids += [f"1.0.1_{ids[0].partition('_')[2]}"]  # the same time: ordered by the id
    records = {backup_id: record_for(backup_id, b"", asset_count=0, decoded_bytes=0) for backup_id in ids}
    index = CatalogIndex(list(records.values())[:150])
    for backup_id in ids[150:]:
        index.put(records[backup_id])
    for backup_id in ids[:40]:
        index.drop(backup_id)
    index.drop("1.0.0_1")  # never there: nothing happens
    expected = sorted(ids[40:], key=list_order_key, reverse=True)

    for before in [None, *generator.sample(expected, 10), "1.0.0_1", "9.0.0_9999999999999999"]:
        for limit in (1, 7, 500):
            page, more = index.page(before, limit)
            older = [i for i in expected if before is None or list_order_key(i) < list_order_key(before)]
            assert [entry.backup_id for entry in page] == older[:limit]
            assert more == (len(older) > limit)
    assert len(index) == len(expected)


def test_the_index_follows_creations_deletions_and_what_changes_behind_the_servers_back(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    engine = make_engine()
    created = []
    for n in range(3):
        created.append(engine.start_creation([{"id": f"asset-{n}"}]))
        assert engine.wait_for_creation(created[-1], 30).value == "COMPLETED"
    assert listed_ids(engine, limit=2) == created[::-1]

    engine.delete_backup(created[1])
    assert listed_ids(engine) == [created[2], created[0]]

    # Planted by someone else, then corrupted in place, then removed: each seen by the next page.
    other = LocalDirectoryStore(data_dir / "backups", watch=False)
    planted = "1.0.0_1764253683123456"
    plant(other, planted, [b'{"id":"x"}\n'], decoded_bytes=11)
    assert listed_ids(engine) == [created[2], created[0], planted]
    metadata = data_dir / "backups" / f"{planted}.json"
    metadata.write_bytes(metadata.read_bytes().replace(b'"planted"', b'"plantex"'))
    assert listed_ids(engine) == [created[2], created[0]]
    metadata.unlink()
    assert listed_ids(engine) == [created[2], created[0]]


def test_after_lost_events_the_index_is_rebuilt(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    first = engine.start_creation([{"id": "a"}])
    engine.wait_for_creation(first, 30)
    assert listed_ids(engine) == [first]
    store = engine.store
    assert isinstance(store, LocalDirectoryStore)
    plant(LocalDirectoryStore(data_dir / "backups", watch=False), "1.0.0_1764253683123456", [b'{"id":"x"}\n'])
    assert store.objects._watch is not None
    monkeypatch.setattr(store.objects._watch, "changes", lambda: None)  # the kernel dropped events

    assert listed_ids(engine) == [first, "1.0.0_1764253683123456"]


def test_a_page_over_an_object_store_lists_once_and_fetches_only_what_changed(
    make_engine: EngineFactory, s3_server: S3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    bucket = s3_server.new_bucket()
    store = S3Store(parse_s3_url(f"s3://{bucket}/p"), client=s3_server.client())
    for n in range(12):
        plant(store, f"1.0.0_{1764253683123456 + n}", [b'{"id":"x"}\n'], decoded_bytes=11)
    engine = make_engine(store=store)
    assert len(listed_ids(engine)) == 12
    requests: list[str] = []

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            requests.append(name)
            return real(*args)

        return call

    for name in ("stat", "open"):
        monkeypatch.setattr(store.objects, name, counted(name, getattr(store.objects, name)))

    assert len(listed_ids(engine)) == 12
    assert requests == []  # one LIST; every kept record still holds
    plant(store, "1.0.0_1764253683200000", [b'{"id":"x"}\n'], decoded_bytes=11)
    requests.clear()
    assert len(listed_ids(engine)) == 13
    assert requests.count("open") == 1  # the new record only


def test_reads_go_back_to_memory_after_a_change_without_waiting_for_a_list(
    make_engine: EngineFactory,
) -> None:
    engine = make_engine()
    backup_id = engine.start_creation([{"id": "a"}])
    engine.wait_for_creation(backup_id, 30)
    assert not engine.answers_from_memory  # a change the index has not taken yet: read in a thread

    engine.creation_status(backup_id)  # as a worker thread would

    assert engine.answers_from_memory
