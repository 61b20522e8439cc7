"""The storage layer at edges the scenario tests do not reach: the archive reader's refusals and what
they say, the replacement database and the swap refused, cancelled or failing at each step, and a
store racing another remover. (Found by the mutation run, `mutation/run.py`.)"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
import zstandard

from backup_api_server.errors import (
    BackupCorrupted,
    BackupNotFound,
    EngineError,
    OperationCancelled,
    OperationConflict,
)
from backup_api_server.storage import archive as archive_module
from backup_api_server.storage import archive_lines
from backup_api_server.storage import assets as assets_module
from backup_api_server.storage import database_files as database_files_module
from backup_api_server.storage.archive import ArchivedDocument, ArchiveReader, ArchiveWriter, encode_document
from backup_api_server.storage.assets import AssetDatabase, ReplacementDatabase
from backup_api_server.storage.database_files import DATABASE_NAME, PREVIOUS_SUFFIX
from backup_api_server.storage.store import LocalDirectoryStore
from tests.unit.conftest import EngineFactory
from tests.unit.engine_support import (
    DATA_DIR_FILES,
    create_completed,
    fail_fsync_when,
    files_under,
    make_assets,
    stored_rows,
)
from tests.unit.test_store import write_backup


def test_a_swap_undone_while_every_directory_fsync_fails_still_puts_the_previous_database_back(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(30, prefix="backed-up"))
    engine.database.put_many(make_assets(7, prefix="original"))
    rows_before = stored_rows(data_dir)
    documents_before = engine.list_assets()
    failed = fail_fsync_when(monkeypatch, assets_module, lambda _: True)

    # The undo's own fsync is best effort: only the swap's failure is reported.
    with pytest.raises(EngineError, match=r"Input/output error \(injected\)$"):
        engine.restore(backup_id)

    assert len(failed) == 2  # the swap's, then the undo's
    assert engine.list_assets() == documents_before  # open again, on the previous database
    assert stored_rows(data_dir) == rows_before
    assert files_under(data_dir) == DATA_DIR_FILES


def test_a_swap_that_fails_before_renaming_never_puts_a_stale_previous_copy_in_place(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(30, prefix="backed-up"))
    engine.database.put_many(make_assets(7, prefix="original"))
    documents_before = engine.list_assets()
    # A stale previous copy that cannot be removed: the swap fails before any rename.
    previous = data_dir / (DATABASE_NAME + PREVIOUS_SUFFIX)
    previous.write_bytes(b"a stale copy, not a database")
    real_remove = database_files_module.remove_database_files

    def remove_database_files(path: Path) -> None:
        if path == previous:
            raise PermissionError(13, "Permission denied (injected)")
        real_remove(path)

    monkeypatch.setattr(database_files_module, "remove_database_files", remove_database_files)

    with pytest.raises(EngineError, match=r"Permission denied \(injected\)"):
        engine.restore(backup_id)

    assert engine.list_assets() == documents_before
    assert previous.read_bytes() == b"a stale copy, not a database"


@pytest.fixture
def local_store(tmp_path: Path) -> LocalDirectoryStore:
    store = LocalDirectoryStore(tmp_path / "backups")
    write_backup(store, "1.0.0_1", b"archive bytes")
    return store


def test_delete_of_a_backup_whose_archive_another_remover_took_first_succeeds(
    local_store: LocalDirectoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = local_store._require_committed

    def checked_then_archive_removed(backup_id: str) -> None:
        checked(backup_id)
        (local_store.root / f"{backup_id}.jsonl.zst").unlink()

    monkeypatch.setattr(local_store, "_require_committed", checked_then_archive_removed)

    local_store.delete("1.0.0_1")

    assert local_store.list_ids() == []
    assert sorted(path.name for path in local_store.root.iterdir()) == []


def test_delete_of_a_backup_whose_metadata_another_remover_took_first_succeeds(
    local_store: LocalDirectoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = local_store._require_committed

    def checked_then_metadata_removed(backup_id: str) -> None:
        checked(backup_id)
        (local_store.root / f"{backup_id}.json").unlink()

    monkeypatch.setattr(local_store, "_require_committed", checked_then_metadata_removed)

    # As on an object store, where a delete cannot tell: removing what is gone is no error.
    local_store.delete("1.0.0_1")

    assert sorted(path.name for path in local_store.root.iterdir()) == []


def test_open_archive_of_a_backup_whose_archive_another_remover_took_first_is_not_found(
    local_store: LocalDirectoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = local_store._require_committed

    def checked_then_archive_removed(backup_id: str) -> None:
        checked(backup_id)
        (local_store.root / f"{backup_id}.jsonl.zst").unlink()

    monkeypatch.setattr(local_store, "_require_committed", checked_then_archive_removed)

    with pytest.raises(BackupNotFound, match=r"^backup 1\.0\.0_1 not found$"):
        local_store.open_archive("1.0.0_1")


# The archive reader


def jsonl(*ids: str) -> bytes:
    return b"".join(b'{"id":"%s"}\n' % identifier.encode() for identifier in ids)


def reader_of(stored: bytes | list[bytes], expected: bytes | None = None, **options: Any) -> ArchiveReader:
    """A reader of `stored` (or of each item of a list on successive opens) that expects the
    checksum of `expected` (default: of `stored`)."""
    versions = stored if isinstance(stored, list) else [stored]
    opened = iter([*versions, *[versions[-1]] * 10])
    expected_sha256 = hashlib.sha256(versions[0] if expected is None else expected).hexdigest()
    return ArchiveReader(lambda: io.BytesIO(next(opened)), expected_sha256=expected_sha256, **options)


def read_ids(reader: ArchiveReader, batch_size: int = 1) -> list[str]:
    return [document.id for batch in reader.batches(batch_size) for document in batch]


def test_an_archive_that_does_not_match_its_checksum_yields_nothing() -> None:
    archived = zstandard.ZstdCompressor().compress(jsonl("a", "b"))
    other = zstandard.ZstdCompressor().compress(jsonl("x", "y"))  # decodes fine, but is not it
    batches = reader_of(other, expected=archived).batches(1)

    with pytest.raises(BackupCorrupted, match=r"^sha256 mismatch: expected \w+, stored bytes have \w+$"):
        next(batches)


def test_the_size_check_counts_every_chunk_of_a_large_archive() -> None:
    stored = os.urandom(archive_module.READ_CHUNK_BYTES * 2 + 12_345)  # never decoded: verify only
    reader_of(stored, expected_bytes=len(stored)).verify()

    with pytest.raises(BackupCorrupted, match=rf"^archive has {len(stored)} bytes, its metadata says 7$"):
        reader_of(stored, expected_bytes=7).verify()


def test_verification_stops_when_cancelled() -> None:
    cancel = threading.Event()
    cancel.set()

    with pytest.raises(OperationCancelled, match=r"^canceled$"):
        reader_of(zstandard.ZstdCompressor().compress(jsonl("a"))).verify(cancel)


def test_an_archive_of_several_zstd_frames_decodes_whole() -> None:
    compressor = zstandard.ZstdCompressor()
    stored = compressor.compress(jsonl("a", "b")) + compressor.compress(jsonl("c"))

    assert read_ids(reader_of(stored, expected_count=3)) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("content", "expected_count", "message"),
    [
        (jsonl("a") + b'{"id":"b"}', None, r"^line 2 is truncated$"),
        (jsonl("a") + b"not json\n", None, r"^line 2 is not JSON: Expecting value: line 1 column 1"),
        (b'["a list"]\n', None, r"^line 1 is not an asset document with a string id$"),
        (b'"a string"\n', None, r"^line 1 is not an asset document with a string id$"),
        (b"null\n", None, r"^line 1 is not an asset document with a string id$"),
        (b'{"id":1}\n', None, r"^line 1 is not an asset document with a string id$"),
        (b'{"id":null}\n', None, r"^line 1 is not an asset document with a string id$"),
        (b'{"name":"no id"}\n', None, r"^line 1 is not an asset document with a string id$"),
        (jsonl("a") + b'{"id":"\xff"}\n', None, r"^line 2 is not JSON: 'utf-8' codec can't decode byte 0xff"),
        (jsonl("a") + b'{"id":"\xed\xa0\x80"}\n', None, r"^line 2 is not JSON: 'utf-8' codec can't decode"),
        (b'\xef\xbb\xbf{"id":"a"}\n', None, r"^line 1 is not JSON: Unexpected UTF-8 BOM"),
        (b'{"id":"a"} {"id":"b"}\n', None, r"^line 1 is not JSON: Extra data"),
        (b'{"id":"a"\n', None, r"^line 1 is not JSON: Expecting ',' delimiter"),
        (b"\n", None, r"^line 1 is not JSON: Expecting value"),
        (jsonl("a", "b"), 3, r"^archive holds 2 documents, its metadata says 3$"),
    ],
)
def test_an_archive_whose_content_is_wrong_is_refused_and_says_why(
    content: bytes, expected_count: int | None, message: str
) -> None:
    reader = reader_of(zstandard.ZstdCompressor().compress(content), expected_count=expected_count)

    with pytest.raises(BackupCorrupted, match=message):
        read_ids(reader, batch_size=10)


def test_a_line_is_read_back_exactly_as_archived() -> None:
    # msgspec, which validates the lines, builds only the (unescaped) id: the text inserted is the
    # archived one, byte for byte, spaces, escapes and an integer no float holds included.
    line = '{ "id" : "caf\\u00e9-é", "n": 123456789012345678901234567890, "x": [1.5e300, "☃"] }'
    stored = zstandard.ZstdCompressor().compress(line.encode() + b"\n")

    [[document]] = reader_of(stored, expected_count=1).batches(10)

    assert document == ArchivedDocument("café-é", line)


def test_documents_longer_than_a_read_chunk_are_read_whole() -> None:
    # Lines are decoded a decompressed chunk at a time; these span two and three chunks.
    chunk = archive_module.READ_CHUNK_BYTES
    texts = [
        '{"id":"small"}',
        *(f'{{"id":"big-{size}","pad":"{"x" * size}"}}' for size in (chunk, 2 * chunk)),
    ]
    stored = zstandard.ZstdCompressor().compress("".join(text + "\n" for text in texts).encode())

    documents = [document for batch in reader_of(stored, expected_count=3).batches(2) for document in batch]

    assert documents == [ArchivedDocument(json.loads(text)["id"], text) for text in texts]


@pytest.mark.parametrize(
    ("line", "identifier"),
    [
        # Python 3.12 and later encode documents nested deeper than msgspec reads.
        pytest.param('{"id":"deep","x":' + "[" * 1100 + "]" * 1100 + "}", "deep", id="deeply-nested"),
        pytest.param('{"id":1,"id":"last"}', "last", id="id-given-twice"),
        pytest.param('{"id":"a","x":NaN}', "a", id="nan"),
    ],
)
def test_a_line_msgspec_refuses_but_the_standard_library_reads_is_read_as_before(
    line: str, identifier: str
) -> None:
    with pytest.raises((msgspec.DecodeError, RecursionError)):
        archive_lines._asset_id(line.encode())
    stored = zstandard.ZstdCompressor().compress(b"%s\n%s\n" % (jsonl("first").strip(), line.encode()))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 5_000))  # Python 3.11's json counts nesting against it
    try:
        [[first, document]] = reader_of(stored, expected_count=2).batches(10)
    finally:
        sys.setrecursionlimit(limit)

    assert (first.id, document) == ("first", ArchivedDocument(identifier, line))


def test_the_reader_takes_exactly_the_lines_the_standard_library_takes_for_asset_documents() -> None:
    # msgspec checks the lines quickly, the standard library (the reader before it) says why one
    # fails or takes what msgspec refuses: together they must take exactly what the standard
    # library takes, with the same id and text, for random edits of valid lines.
    seeds = [
        b'{"id":"a-1","created":{"value":"2025-11-27T15:08:03Z"},"n":[1,-2.5e3,0,true,false,null],'
        b'"s":"caf\\u00e9 \\"q\\" \\\\ \\/ \\b\\f\\n\\r\\t \xc3\xa9 \xe2\x98\x83 \xf0\x9f\x98\x80"}',
        b'{"x":{"id":"in"},"id":"\\ud83d\\ude00"}',
        b'{"a":[[[{}]]],"id":"z","e":1E+2,"f":-0.0e-0} ',
    ]
    alphabet = b'{}[]",:\\0123456789.-+eEtrufalsn \t\ru\xff\xc3\xa9\x00\x1fx/'
    generator = random.Random(20251127)
    taken = 0
    for _ in range(3_000):
        line = bytearray(generator.choice(seeds))
        for _ in range(generator.randint(1, 3)):  # each edit inserts, replaces or removes a byte
            position = generator.randrange(len(line))
            edit = generator.choice([b"", bytes([generator.choice(alphabet)])])
            line[position : position + generator.randint(0, 1)] = edit
        try:
            document = json.loads(bytes(line).decode("utf-8"))
            expected = document["id"] if isinstance(document["id"], str) else None
        except (ValueError, TypeError, KeyError):
            expected = None
        stored = zstandard.ZstdCompressor().compress(bytes(line) + b"\n")

        if expected is None:
            with pytest.raises(BackupCorrupted, match=r"^line 1 is not (JSON|an asset document)"):
                read_ids(reader_of(stored))
        else:
            [[read]] = reader_of(stored).batches(1)
            assert read == ArchivedDocument(expected, bytes(line).decode("utf-8")), line
            taken += 1
    assert 150 < taken < 1_500


def test_an_archive_cut_short_is_refused_even_when_its_checksum_matches_the_cut() -> None:
    documents = [f'{{"id":"a-{index}","pad":"{"x" * index}"}}' for index in range(2_000)]
    written = io.BytesIO()
    with ArchiveWriter(written) as writer:
        writer.write_lines(documents)
    whole = written.getvalue()

    for cut, message in [
        (len(whole) // 2, r"^line \d+ is truncated$"),
        (10, r"^archive holds 0 documents, its metadata says 2000$"),
    ]:
        with pytest.raises(BackupCorrupted, match=message):
            read_ids(reader_of(whole[:cut], expected_count=len(documents)), batch_size=500)


def test_an_archive_that_does_not_decompress_is_refused_and_says_why() -> None:
    with pytest.raises(BackupCorrupted, match=r"^archive does not decompress: \S"):
        read_ids(reader_of(b"these bytes were never compressed"))


def test_an_archive_that_changes_after_verification_is_refused_and_says_why() -> None:
    archived = zstandard.ZstdCompressor().compress(jsonl("a", "b"))
    changed = zstandard.ZstdCompressor().compress(jsonl("a", "c"))

    with pytest.raises(
        BackupCorrupted,
        match=r"^sha256 mismatch: expected \w+, the bytes decoded have \w+ "
        r"\(the archive changed after it was verified\)$",
    ):
        read_ids(reader_of([archived, changed]))


# The replacement database and the swap


def test_a_replacement_database_can_be_discarded_twice_and_then_refuses_use(tmp_path: Path) -> None:
    replacement = ReplacementDatabase(tmp_path / "assets.db.restoring")
    replacement.discard()
    replacement.discard()

    assert list(tmp_path.iterdir()) == []
    with pytest.raises(RuntimeError, match=r"^the replacement database is already finished$"):
        replacement.insert([ArchivedDocument("a", '{"id":"a"}')])


def test_the_integrity_check_stops_when_cancelled(tmp_path: Path) -> None:
    replacement = ReplacementDatabase(tmp_path / "assets.db.restoring")
    # Enough rows that the check runs well past the steps between two looks at `cancel`.
    replacement.insert(ArchivedDocument(f"a-{index}", f'{{"id":"a-{index}"}}') for index in range(20_000))
    cancel = threading.Event()
    cancel.set()

    with pytest.raises(OperationCancelled, match=r"^canceled$"):
        replacement.finish(cancel)
    assert not replacement.finished
    replacement.discard()


@pytest.mark.parametrize("failing_call", [1, 2], ids=["while-checking", "after-closing"])
def test_a_replacement_that_cannot_be_made_durable_is_not_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    replacement = ReplacementDatabase(tmp_path / "assets.db.restoring")
    replacement.insert([ArchivedDocument("a", '{"id":"a"}')])
    real_fsync, calls = os.fsync, []

    def fsync(descriptor: int) -> None:
        calls.append(threading.current_thread().name)
        if len(calls) == failing_call:
            raise OSError(5, "Input/output error (injected)")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)

    with pytest.raises(OSError, match=r"Input/output error \(injected\)$"):
        replacement.finish(threading.Event())
    assert not replacement.finished
    assert len(calls) == failing_call
    assert calls[0].startswith("fsync")  # the write-back overlapping the check: a thread of its own
    replacement.discard()
    assert list(tmp_path.iterdir()) == []


@contextlib.contextmanager
def finished_replacement(database: AssetDatabase) -> Iterator[ReplacementDatabase]:
    with database.build_replacement() as replacement:
        replacement.insert([ArchivedDocument("new", '{"id":"new"}')])
        replacement.finish(threading.Event())
        yield replacement


@pytest.fixture
def database(tmp_path: Path) -> Iterator[AssetDatabase]:
    database = AssetDatabase(tmp_path)
    database.put_many([{"id": "old-1"}, {"id": "old-2"}])
    yield database
    database.close()


def test_a_new_database_and_a_restored_one_have_the_same_page_size(database: AssetDatabase) -> None:
    def page_size() -> int:
        connection = sqlite3.connect(database.path)
        try:
            (size,) = connection.execute("PRAGMA page_size").fetchone()
            return int(size)
        finally:
            connection.close()

    assert page_size() == assets_module.PAGE_SIZE != 4096  # SQLite's default
    with finished_replacement(database) as replacement:
        database.swap_in(replacement, threading.Event())
    assert page_size() == assets_module.PAGE_SIZE
    assert database.list_documents() == [{"id": "new"}]


def test_swap_in_refuses_an_unfinished_replacement(database: AssetDatabase) -> None:
    with database.build_replacement() as replacement:
        with pytest.raises(RuntimeError, match=r"^the replacement database was not finished$"):
            database.swap_in(replacement, threading.Event())
    assert database.list_documents() == [{"id": "old-1"}, {"id": "old-2"}]


def test_swap_in_is_refused_while_a_snapshot_is_read(database: AssetDatabase) -> None:
    with database.snapshot(), finished_replacement(database) as replacement:
        with pytest.raises(OperationConflict, match=r"^a snapshot of the asset database is being read$"):
            database.swap_in(replacement, threading.Event())
    assert database.list_documents() == [{"id": "old-1"}, {"id": "old-2"}]


def test_swap_in_cancelled_before_it_starts_renames_nothing(database: AssetDatabase) -> None:
    cancel = threading.Event()
    cancel.set()
    with finished_replacement(database) as replacement:
        with pytest.raises(OperationCancelled, match=r"^canceled$"):
            database.swap_in(replacement, cancel)
    assert database.list_documents() == [{"id": "old-1"}, {"id": "old-2"}]


def test_swap_in_is_refused_while_a_reader_keeps_the_log_even_when_it_could_be_checkpointed(
    database: AssetDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_files_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    reader = sqlite3.connect(database.path, isolation_level=None)
    try:
        # The reader's snapshot is the newest: every frame can be copied, but the log cannot be
        # emptied while it reads (SQLite answers busy with every frame checkpointed).
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM assets").fetchone()
        with finished_replacement(database) as replacement:
            with pytest.raises(OperationConflict, match=r"^the asset database is busy; try again$"):
                database.swap_in(replacement, threading.Event())
    finally:
        reader.close()
    assert database.list_documents() == [{"id": "old-1"}, {"id": "old-2"}]


def test_a_cleanup_that_fails_after_the_swap_is_durable_does_not_fail_the_restore(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(30, prefix="backed-up"))
    engine.database.put_many(make_assets(7, prefix="original"))
    previous = data_dir / (DATABASE_NAME + PREVIOUS_SUFFIX)
    # Only the clean-up's fsync fails (the swap's own one runs while the previous copy exists).
    failed = fail_fsync_when(monkeypatch, assets_module, lambda _: not previous.exists())

    engine.restore(backup_id)

    assert failed == [data_dir]
    assert engine.restoration_status(backup_id).value == "COMPLETED"
    assert engine.list_assets() == make_assets(30, prefix="backed-up")


# Documents, the archive writer, the database and the store's own checks


@pytest.mark.parametrize("document", [{"id": 1}, {"name": "no id"}, ["a", "list"]])
def test_only_objects_with_a_string_id_are_asset_documents(document: Any) -> None:
    with pytest.raises(ValueError, match=r"^an asset document must be a JSON object with a string 'id'$"):
        encode_document(document)


def test_a_document_that_is_not_json_is_refused() -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        encode_document({"id": "a", "weight": float("nan")})


def test_the_archive_carries_zstd_checksums_and_closing_twice_adds_nothing() -> None:
    destination = io.BytesIO()
    writer = ArchiveWriter(destination)
    writer.write_lines(['{"id":"a"}'])
    writer.close()
    closed = destination.getvalue()
    writer.close()

    assert destination.getvalue() == closed
    assert writer.bytes_written == len(closed)
    assert zstandard.get_frame_parameters(closed).has_checksum


def test_the_database_makes_its_data_directory_and_closes_twice(tmp_path: Path) -> None:
    database = AssetDatabase(tmp_path / "not" / "yet" / "there")
    database.put({"id": "a"})
    database.close()
    database.close()

    with pytest.raises(RuntimeError, match=r"^the asset database is closed$"):
        database.count()


def test_the_store_never_opens_an_archive_without_its_metadata_or_under_an_invalid_id(
    tmp_path: Path,
) -> None:
    store = LocalDirectoryStore(tmp_path / "backups")
    (store.root / "1.0.0_2.jsonl.zst").write_bytes(b"an archive whose metadata was never committed")
    (store.root / "not an id.jsonl.zst").write_bytes(b"archive")
    (store.root / "not an id.json").write_bytes(b"{}")

    for backup_id in ("1.0.0_2", "not an id"):
        with pytest.raises(BackupNotFound, match=rf"^backup {backup_id} not found$"):
            store.open_archive(backup_id)
        with pytest.raises(BackupNotFound):
            store.read_record(backup_id)


def test_more_documents_than_expected_are_refused_before_one_too_many_is_yielded_in_a_later_chunk() -> None:
    # Over several decompressed chunks: the room left counts the documents of the earlier ones.
    chunk = archive_module.READ_CHUNK_BYTES
    texts = [f'{{"id":"doc-{index}","pad":"{"x" * 1000}"}}' for index in range(3 * chunk // 1000)]
    stored = zstandard.ZstdCompressor().compress("".join(text + "\n" for text in texts).encode())
    expected = len(texts) - 10
    yielded: list[str] = []

    with pytest.raises(
        BackupCorrupted, match=rf"^archive holds more documents than its metadata says \({expected}\)$"
    ):
        for batch in reader_of(stored, expected_count=expected).batches(100):
            yielded += [document.id for document in batch]
    assert len(yielded) <= expected


def test_a_wrong_line_in_a_later_chunk_is_named_by_its_number_in_the_whole_archive() -> None:
    chunk = archive_module.READ_CHUNK_BYTES
    good = [f'{{"id":"doc-{index}","pad":"{"x" * 1000}"}}' for index in range(3 * chunk // 1000)]
    content = "".join(text + "\n" for text in good).encode() + b"not json\n"
    reader = reader_of(zstandard.ZstdCompressor().compress(content))

    with pytest.raises(BackupCorrupted, match=rf"^line {len(good) + 1} is not JSON"):
        read_ids(reader, batch_size=1000)


def test_a_first_line_longer_than_a_read_chunk_is_read_whole() -> None:
    text = f'{{"id":"big","pad":"{"x" * (archive_module.READ_CHUNK_BYTES + 10)}"}}'
    stored = zstandard.ZstdCompressor().compress(text.encode() + b"\n")

    assert [document for batch in reader_of(stored).batches(1) for document in batch] == [
        ArchivedDocument("big", text)
    ]


def test_pages_of_documents_follow_their_positions_and_say_whether_more_follow(tmp_path: Path) -> None:
    database = AssetDatabase(tmp_path)
    try:
        database.put_many([{"id": f"asset-{index}"} for index in range(5)])
        first, more = database.page_document_texts(0, 2)
        assert [json.loads(text)["id"] for _, text in first] == ["asset-0", "asset-1"] and more
        assert all(isinstance(position, int) for position, _ in first)
        second, more = database.page_document_texts(first[-1][0], 3)
        assert [json.loads(text)["id"] for _, text in second] == ["asset-2", "asset-3", "asset-4"]
        assert not more
        assert database.page_document_texts(second[-1][0], 3) == ([], False)
        exact, more = database.page_document_texts(0, 5)
        assert len(exact) == 5 and not more
    finally:
        database.close()
