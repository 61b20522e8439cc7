"""The suite every `ObjectStore` passes (as restic's `internal/backend/test`): the local directory,
an S3 bucket on a real S3 HTTP endpoint (moto's server on 127.0.0.1), and the tests' in-memory
store, whose size says what a further backend costs. Backups (ids, commit order, verification) are
`BackupStore`'s, tested once over all of them in `test_store.py`."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from backup_api_server.storage import local_objects, s3_store
from backup_api_server.storage.local_objects import LocalDirectoryObjects
from backup_api_server.storage.objects import NotRegularObject, ObjectStore
from backup_api_server.storage.s3_store import S3Objects, parse_s3_url
from tests.support import memory_objects
from tests.support.memory_objects import MemoryObjects
from tests.support.s3 import S3Server

ObjectStoreFactory = Callable[[pytest.FixtureRequest, Path], ObjectStore]
PART = 5 * 1024 * 1024


def s3_objects(request: pytest.FixtureRequest, root: Path) -> ObjectStore:
    server: S3Server = request.getfixturevalue("s3_server")
    location = parse_s3_url(f"s3://{server.new_bucket()}/some/prefix")
    return S3Objects(location, server.client(), part_bytes=PART)


FACTORIES: dict[str, ObjectStoreFactory] = {
    "local": lambda request, root: LocalDirectoryObjects(root / "objects"),
    "s3": s3_objects,
    "memory": lambda request, root: MemoryObjects(),
}


@pytest.fixture(params=sorted(FACTORIES))
def objects(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    return FACTORIES[request.param](request, tmp_path)


def read(objects: ObjectStore, name: str, start: int = 0) -> bytes:
    with objects.open(name, start) as stream:
        return stream.read()


def test_a_put_object_reads_back_stats_and_lists(objects: ObjectStore) -> None:
    objects.put_new("one", b"first object")

    assert read(objects, "one") == b"first object"
    assert objects.stat("one").size == len(b"first object")
    assert objects.list()["one"] == objects.stat("one")
    assert sorted(objects.list()) == ["one"]


def test_put_if_absent_never_replaces_an_object(objects: ObjectStore) -> None:
    objects.put_new("one", b"first")
    with pytest.raises(FileExistsError):
        objects.put_new("one", b"second")
    with pytest.raises(FileExistsError), objects.create("one") as stream:
        stream.write(b"third")

    assert read(objects, "one") == b"first"
    assert sorted(objects.list()) == ["one"]


def test_a_created_object_is_visible_only_once_its_block_ends(objects: ObjectStore) -> None:
    with objects.create("streamed") as stream:
        stream.write(b"part one, ")
        stream.write(b"part two")
        assert stream.tell() == len(b"part one, part two")
        assert sorted(objects.list()) == []
        with pytest.raises(FileNotFoundError):
            objects.stat("streamed")

    assert read(objects, "streamed") == b"part one, part two"


def test_a_create_that_fails_leaves_nothing_and_frees_the_name(objects: ObjectStore) -> None:
    with pytest.raises(RuntimeError), objects.create("failed") as stream:
        stream.write(b"half an object")
        raise RuntimeError("writer failed")

    assert sorted(objects.list()) == []
    objects.put_new("failed", b"written again")
    assert read(objects, "failed") == b"written again"


def test_a_large_object_streams_across_parts_and_reads_from_any_offset(objects: ObjectStore) -> None:
    content = os.urandom(2 * PART + 12_345)
    with objects.create("large") as stream:
        for start in range(0, len(content), 1 << 20):
            stream.write(content[start : start + (1 << 20)])

    assert objects.stat("large").size == len(content)
    assert read(objects, "large") == content
    assert read(objects, "large", PART + 7) == content[PART + 7 :]


def test_ranged_reads_start_where_asked(objects: ObjectStore) -> None:
    objects.put_new("small", b"0123456789")

    assert read(objects, "small", 4) == b"456789"
    assert read(objects, "small", 10) == b""


def test_list_keeps_to_its_prefix(objects: ObjectStore) -> None:
    for name in ("a-1", "a-2", "b-1"):
        objects.put_new(name, name.encode())

    assert sorted(objects.list("a-")) == ["a-1", "a-2"]
    assert sorted(objects.list()) == ["a-1", "a-2", "b-1"]
    assert sorted(objects.list("c")) == []


def test_delete_removes_and_a_missing_object_is_file_not_found(objects: ObjectStore) -> None:
    objects.put_new("one", b"1")
    objects.put_new("two", b"2")

    objects.delete("one")
    objects.delete("one")  # gone already: no error

    assert sorted(objects.list()) == ["two"]
    with pytest.raises(FileNotFoundError):
        objects.open("one")
    with pytest.raises(FileNotFoundError):
        objects.stat("one")


def test_a_replaced_object_has_another_version_or_none(objects: ObjectStore) -> None:
    objects.put_new("one", b"first")
    before = objects.stat("one").version
    objects.delete("one")
    objects.put_new("one", b"other")

    after = objects.stat("one").version
    assert (before is None and after is None) or before != after


def test_discarding_incomplete_writes_removes_only_what_the_writer_owns(objects: ObjectStore) -> None:
    objects.put_new("kept", b"committed")
    # A writer that crashed mid-object: its block never ends (kept referenced, so nothing runs
    # its clean-up before the discard does).
    interrupted = objects.create("crashed")
    interrupted.__enter__().write(b"half an object")

    objects.discard_incomplete(lambda name: name == "crashed")

    assert sorted(objects.list()) == ["kept"]
    objects.put_new("crashed", b"written again")
    assert read(objects, "crashed") == b"written again"
    del interrupted


def test_objects_stores_know_nothing_of_backups() -> None:
    """The commit protocol (ids, suffixes, records, verification, cache) lives in `store.py`
    only: no object store restates it."""
    protocol_words = (
        "backup_id_is_valid",
        "ARCHIVE_SUFFIX",
        "METADATA_SUFFIX",
        "decode_record",
        "encode_record",
        "RecordCache",
        "PendingBackup",
        "BackupRecord",
        ".jsonl.zst",
    )
    for module in (local_objects, s3_store, memory_objects):
        source = Path(str(module.__file__)).read_text()
        assert [word for word in protocol_words if word in source] == [], module.__name__


# The local directory: only regular files, never followed


@pytest.fixture
def local(tmp_path: Path) -> LocalDirectoryObjects:
    return LocalDirectoryObjects(tmp_path / "objects", watch=False)


def plant(local: LocalDirectoryObjects, kind: str, tmp_path: Path) -> None:
    path = local.root / "planted"
    secret = tmp_path / "secret"
    secret.write_bytes(b"the target's content")
    if kind == "symlink-outside":
        path.symlink_to(secret)
    elif kind == "symlink-inside":
        local.put_new("inside", b"an object of the store")
        path.symlink_to(local.root / "inside")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "socket":
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(path))
        listener.close()


@pytest.mark.parametrize("kind", ["symlink-outside", "symlink-inside", "fifo", "directory", "socket"])
def test_the_local_store_reads_regular_files_only(
    local: LocalDirectoryObjects, tmp_path: Path, kind: str
) -> None:
    plant(local, kind, tmp_path)
    assert local.list("planted")["planted"].size == -1  # listed, as refused when read

    for attempt in (lambda: local.open("planted"), lambda: local.stat("planted")):
        with pytest.raises(NotRegularObject) as refused:
            attempt()
        assert str(refused.value) == "planted is not a regular file"


def test_the_local_store_creates_private_files_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        local = LocalDirectoryObjects(tmp_path / "objects")
        local.put_new("one", b"1")
        with local.create("two") as stream:
            stream.write(b"2")
    finally:
        os.umask(previous)

    assert (local.root.stat().st_mode & 0o777) == 0o700
    assert {(path.stat().st_mode & 0o777) for path in local.root.iterdir()} == {0o600}
    local.close()
