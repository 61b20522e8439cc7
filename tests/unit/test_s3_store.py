"""The S3 store in particular (the shared suite is test_store.py): streaming, crash leftovers, shared
buckets, and faults of the object store (503s and stalls from a proxy in front of moto's server)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import httpx
import pytest

from backup_api_server.api.application import create_app
from backup_api_server.engine import BackupEngine
from backup_api_server.errors import BackupCorrupted, BackupNotFound, EngineError
from backup_api_server.settings import STORE_RETRY_AFTER_SECONDS
from backup_api_server.storage.s3_errors import ObjectStoreError, ObjectStoreRefused
from backup_api_server.storage.s3_store import S3Store, make_client, parse_s3_url
from backup_api_server.storage.selection import open_store, writer_tag
from backup_api_server.storage.store import LocalDirectoryStore
from backup_api_server_models import BackupStatusEnum
from tests.support.assets import seed_database
from tests.support.faulty_proxy import FaultyProxy, running_faulty_proxy
from tests.support.s3 import S3_ENVIRONMENT, S3Server
from tests.unit.test_store import backup_record, write_backup

PART = 5 * 1024 * 1024


@pytest.fixture
def s3_env(monkeypatch: pytest.MonkeyPatch, s3_server: S3Server) -> S3Server:
    for name, value in S3_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_server.endpoint_url)
    return s3_server


@pytest.fixture
def proxy(s3_env: S3Server) -> Iterator[FaultyProxy]:
    with running_faulty_proxy(s3_env.endpoint_url) as running:
        running.stall_seconds = 2.0
        yield running


def store_in(server: S3Server, bucket: str, *, tag: str | None = None, prefix: str = "p") -> S3Store:
    return S3Store(
        parse_s3_url(f"s3://{bucket}/{prefix}"), client=server.client(), writer_tag=tag, part_bytes=PART
    )


@pytest.mark.parametrize(
    ("url", "bucket", "prefix"),
    [
        ("s3://b", "b", ""),
        ("s3://b/", "b", ""),
        ("s3://b/backups", "b", "backups/"),
        ("s3://b/team/laptop/", "b", "team/laptop/"),
    ],
)
def test_s3_urls_name_a_bucket_and_a_prefix(url: str, bucket: str, prefix: str) -> None:
    location = parse_s3_url(url)
    assert (location.bucket, location.prefix) == (bucket, prefix)


@pytest.mark.parametrize("url", ["s3://", "s3:///p", "file:///x", "s3://b/a/../c", "s3://b/a//c"])
def test_bad_store_locations_are_refused(url: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        open_store(url, tmp_path)


def test_no_store_location_means_the_data_directory(tmp_path: Path) -> None:
    store = open_store(None, tmp_path)
    assert isinstance(store, LocalDirectoryStore)
    assert store.root == tmp_path / "backups"


def test_a_data_directory_keeps_its_writer_tag(tmp_path: Path) -> None:
    first = writer_tag(tmp_path / "one")
    assert writer_tag(tmp_path / "one") == first
    assert writer_tag(tmp_path / "two") != first


def test_archive_is_uploaded_in_parts_while_it_is_written(s3_server: S3Server) -> None:
    bucket = s3_server.new_bucket()
    store = store_in(s3_server, bucket)
    content = b"x" * (PART * 2 + 100)
    with store.write("1.0.0_1") as pending:
        for start in range(0, len(content), 1 << 20):
            pending.archive.write(content[start : start + (1 << 20)])
        # Two full parts are already on the server; memory holds less than one.
        assert s3_server.open_uploads(bucket) == ["p/1.0.0_1.jsonl.zst"]
        assert s3_server.keys(bucket) == []
        pending.record = backup_record("1.0.0_1", content)
    assert s3_server.open_uploads(bucket) == []
    assert s3_server.keys(bucket) == ["p/1.0.0_1.json", "p/1.0.0_1.jsonl.zst"]
    with store.open_archive("1.0.0_1") as archive:
        assert archive.read() == content


def test_failed_multipart_write_is_aborted(s3_server: S3Server) -> None:
    bucket = s3_server.new_bucket()
    store = store_in(s3_server, bucket)
    with pytest.raises(RuntimeError), store.write("1.0.0_1") as pending:
        pending.archive.write(b"x" * (PART + 1))
        raise RuntimeError("writer failed")
    assert s3_server.open_uploads(bucket) == []
    assert s3_server.keys(bucket) == []


def test_recover_cleans_only_this_writers_leftovers(s3_server: S3Server) -> None:
    bucket = s3_server.new_bucket()
    client = s3_server.client()
    mine, theirs = "1.0.0+aaaaaaaa", "1.0.0+bbbbbbbb"
    write_backup(store_in(s3_server, bucket, tag="aaaaaaaa"), f"{mine}_1", b"kept")
    # A crash: an upload never completed, an archive whose metadata was never put (this writer's
    # and another machine's, which may be a write in progress there).
    for version in (mine, theirs):
        client.create_multipart_upload(Bucket=bucket, Key=f"p/{version}_2.jsonl.zst")
        client.put_object(Bucket=bucket, Key=f"p/{version}_3.jsonl.zst", Body=b"orphan")

    store_in(s3_server, bucket, tag="aaaaaaaa").recover()

    assert s3_server.open_uploads(bucket) == [f"p/{theirs}_2.jsonl.zst"]
    assert s3_server.keys(bucket) == [
        f"p/{mine}_1.json",
        f"p/{mine}_1.jsonl.zst",
        f"p/{theirs}_3.jsonl.zst",
    ]


def test_keys_never_leave_the_prefix(s3_server: S3Server) -> None:
    bucket = s3_server.new_bucket()
    outside = store_in(s3_server, bucket, prefix="other")
    write_backup(outside, "1.0.0_1", b"another prefix")
    store = store_in(s3_server, bucket, prefix="p")
    write_backup(store, "1.0.0_2", b"mine")
    assert store.list_ids() == ["1.0.0_2"]
    assert all(key.startswith(("p/", "other/")) for key in s3_server.keys(bucket))


# Faults


def test_503s_are_retried_with_backoff(proxy: FaultyProxy, s3_server: S3Server) -> None:
    bucket = s3_server.new_bucket()
    store = S3Store(parse_s3_url(f"s3://{bucket}/p"), client=make_client(proxy.url, max_attempts=4))
    proxy.fail_next = 2
    write_backup(store, "1.0.0_1", b"through the faults")
    assert proxy.faults == 2
    proxy.fail_next = 2
    with store.open_archive("1.0.0_1") as archive:
        assert archive.read() == b"through the faults"


def test_a_download_cut_mid_way_resumes_where_it_stopped(proxy: FaultyProxy, s3_server: S3Server) -> None:
    bucket = s3_server.new_bucket()
    store = S3Store(parse_s3_url(f"s3://{bucket}/p"), client=make_client(proxy.url, max_attempts=3))
    content = bytes(range(256)) * 4096  # 1 MiB
    write_backup(store, "1.0.0_1", content)
    proxy.requests.clear()
    proxy.cut_next = 1
    with store.open_archive("1.0.0_1") as archive:
        assert archive.read() == content
    gets = [request for request in proxy.requests if request.startswith("GET /") and "?" not in request]
    assert len(gets) == 2  # the cut one, and one resumed from where it stopped
    assert proxy.faults == 1


def test_a_download_refused_mid_way_is_a_refusal_not_an_outage(
    proxy: FaultyProxy, s3_server: S3Server
) -> None:
    """Credentials revoked while an archive downloads: the resumed GET is refused (403), which
    retrying will not change, so it is `ObjectStoreRefused` at once (no `Retry-After`), not an
    outage retried S3_MAX_ATTEMPTS times and reported as one."""
    bucket = s3_server.new_bucket()
    store = S3Store(parse_s3_url(f"s3://{bucket}/p"), client=make_client(proxy.url, max_attempts=3))
    write_backup(store, "1.0.0_1", bytes(range(256)) * 4096)
    proxy.requests.clear()
    proxy.cut_next, proxy.refuse_after_cut = 1, True
    with pytest.raises(ObjectStoreRefused, match=r"AccessDenied"), store.open_archive("1.0.0_1") as archive:
        archive.read()
    gets = [request for request in proxy.requests if request.startswith("GET /") and "?" not in request]
    assert len(gets) == 2  # the cut one, and the refused resumption: not retried


def test_an_object_store_that_stays_down_fails_with_the_request_named(
    proxy: FaultyProxy, s3_server: S3Server
) -> None:
    bucket = s3_server.new_bucket()
    store = S3Store(parse_s3_url(f"s3://{bucket}/p"), client=make_client(proxy.url, max_attempts=2))
    proxy.fail_all = True
    with pytest.raises(
        ObjectStoreError,
        match=r"object store: \w+ .*/p/1\.0\.0_1\.jsonl\.zst failed after 2 attempt\(s\): 503",
    ):
        write_backup(store, "1.0.0_1", b"never stored")
    proxy.heal()
    assert store.list_ids() == []


def test_a_stalled_request_times_out_and_is_retried(proxy: FaultyProxy, s3_server: S3Server) -> None:
    bucket = s3_server.new_bucket()
    store = S3Store(
        parse_s3_url(f"s3://{bucket}/p"), client=make_client(proxy.url, max_attempts=3, read_timeout=0.5)
    )
    proxy.stall_next = 1
    write_backup(store, "1.0.0_1", b"after a stall")
    assert proxy.faults == 1
    assert store.list_ids() == ["1.0.0_1"]


@pytest.fixture
def engine_on_proxy(tmp_path: Path, proxy: FaultyProxy, s3_server: S3Server) -> Iterator[BackupEngine]:
    bucket = s3_server.new_bucket()
    store = S3Store(
        parse_s3_url(f"s3://{bucket}/p"),
        client=make_client(proxy.url, max_attempts=2, read_timeout=1.0),
        writer_tag=writer_tag(tmp_path / "data"),
    )
    seed_database(tmp_path / "data", [{"id": "in-the-database", "n": 1}])

    def hook(phase: str) -> None:
        if phase == "restore:start":  # the record was read; the archive downloads fail
            proxy.fail_all = True

    engine = BackupEngine(tmp_path / "data", api_version="1.0.0", store=store, step_hook=hook)
    yield engine
    proxy.heal()
    engine.close()


def test_a_restore_downloads_the_archive_once(
    tmp_path: Path, proxy: FaultyProxy, s3_server: S3Server
) -> None:
    """The checksum pass and the decoding pass read one copy in the data directory's spool (each
    pass was a download), and the copy goes with the restoration."""
    store = S3Store(
        parse_s3_url(f"s3://{s3_server.new_bucket()}/p"),
        client=make_client(proxy.url, max_attempts=2),
        writer_tag=writer_tag(tmp_path / "data"),
    )
    engine = BackupEngine(tmp_path / "data", api_version="1.0.0", store=store)
    try:
        documents = [{"id": f"asset-{index}", "text": "x" * 200} for index in range(2_000)]
        backup_id = engine.start_creation(documents)
        assert engine.wait_for_creation(backup_id, timeout=30).value is BackupStatusEnum.COMPLETED
        proxy.requests.clear()
        assert engine.restore(backup_id).id.root == backup_id
        archive_gets = [
            request for request in proxy.requests if request.startswith("GET ") and ".jsonl.zst" in request
        ]
        assert len(archive_gets) == 1, proxy.requests
        assert engine.list_assets() == documents
        assert list((tmp_path / "data" / "spool").iterdir()) == []
    finally:
        engine.close()


def test_failed_creation_leaves_nothing_listed_and_says_why(
    engine_on_proxy: BackupEngine, proxy: FaultyProxy
) -> None:
    engine = engine_on_proxy
    proxy.fail_all = True
    backup_id = engine.start_creation([{"id": "a", "v": 1}])
    status = engine.wait_for_creation(backup_id, timeout=30)
    assert status.value is BackupStatusEnum.FAILED
    assert status.detail is not None
    assert status.detail.startswith("create: write backup: object store: ")
    assert f"/p/{backup_id}.jsonl.zst failed after 2 attempt(s): 503" in status.detail
    proxy.heal()
    assert engine.list_backups() == []


def test_failed_restore_leaves_the_database_untouched(
    engine_on_proxy: BackupEngine, proxy: FaultyProxy
) -> None:
    engine = engine_on_proxy
    backup_id = engine.start_creation([{"id": "from-the-backup"}])
    assert engine.wait_for_creation(backup_id, timeout=30).value is BackupStatusEnum.COMPLETED
    with pytest.raises(
        EngineError, match=r"^restore: download archive: object store: \w+ .*failed after 2 attempt"
    ):
        engine.restore(backup_id)
    proxy.heal()
    assert engine.list_assets() == [{"id": "in-the-database", "n": 1}]
    assert engine.restoration_status(backup_id).value is BackupStatusEnum.FAILED


@pytest.mark.anyio
async def test_an_object_store_that_stays_down_is_503_over_http(
    engine_on_proxy: BackupEngine, proxy: FaultyProxy
) -> None:
    """A named condition, never a 500: the client retries 503 after `Retry-After`."""
    engine = engine_on_proxy
    backup_id = engine.start_creation([{"id": "from-the-backup"}])
    assert engine.wait_for_creation(backup_id, timeout=30).value is BackupStatusEnum.COMPLETED
    app = create_app(engine.data_dir, engine=engine)
    app.state.engine = engine  # ASGITransport runs no lifespan; the fixture closes the engine
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        proxy.fail_all = True
        for answer in (
            await http.get("/backups"),
            await http.post(f"/backup/{backup_id}/restore"),
        ):
            assert answer.status_code == 503, answer.text
            assert answer.headers["content-type"] == "application/problem+json"
            assert answer.headers["Retry-After"] == str(STORE_RETRY_AFTER_SECONDS)
            problem = answer.json()
            assert problem["type"] == "urn:backup-api:problem:store-unavailable"
            assert "object store: " in problem["detail"]
            # A HEAD's error has no body: its status stands for the code.
            assert re.search(r"failed after 2 attempt\(s\): (ServiceUnavailable|503)", problem["detail"])
        proxy.heal()
        assert engine.list_assets() == [{"id": "in-the-database", "n": 1}]
        listed = await http.get("/backups")
        assert [backup["id"] for backup in listed.json()["iterable"]] == [backup_id]


@pytest.mark.anyio
async def test_a_bucket_gone_is_503_without_retry_after(tmp_path: Path, s3_env: S3Server) -> None:
    s3_server = s3_env
    """A refusal that retrying will not change (here: no such bucket) is told from an outage: the
    same problem type, no `Retry-After`, the store's code in the detail, never a 500."""
    bucket = s3_server.new_bucket()
    store = S3Store(
        parse_s3_url(f"s3://{bucket}/p"), client=make_client(s3_server.endpoint_url, max_attempts=2)
    )
    engine = BackupEngine(tmp_path / "data", api_version="1.0.0", store=store)
    try:
        s3_server.client().delete_bucket(Bucket=bucket)
        app = create_app(engine.data_dir, engine=engine)
        app.state.engine = engine  # ASGITransport runs no lifespan
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
        ) as http:
            answer = await http.get("/backups")
        assert answer.status_code == 503, answer.text
        assert "Retry-After" not in answer.headers
        assert answer.json()["type"] == "urn:backup-api:problem:store-unavailable"
        assert (
            f"object store: list {bucket}/p/ failed after 1 attempt(s): NoSuchBucket"
            in answer.json()["detail"]
        )
    finally:
        engine.close()


def test_a_write_and_the_store_going_down_mid_upload(proxy: FaultyProxy, s3_server: S3Server) -> None:
    """An upload that fails after some parts is aborted (once the store is back, nothing is left)."""
    bucket = s3_server.new_bucket()
    store = S3Store(
        parse_s3_url(f"s3://{bucket}/p"), client=make_client(proxy.url, max_attempts=2), part_bytes=PART
    )
    with pytest.raises(ObjectStoreError), store.write("1.0.0_1") as pending:
        pending.archive.write(b"x" * (PART + 1))
        proxy.fail_all = True
        pending.archive.write(b"x" * PART)
    proxy.heal()
    # The abort was refused too (the store was down): recover() finishes it.
    store.recover()
    assert s3_server.open_uploads(bucket) == []
    assert s3_server.keys(bucket) == []


def test_threads_do_not_matter(s3_server: S3Server) -> None:
    """One store, concurrent writers of distinct ids (the engine's worker threads)."""
    bucket = s3_server.new_bucket()
    store = store_in(s3_server, bucket)
    errors: list[BaseException] = []

    def write(number: int) -> None:
        try:
            write_backup(store, f"1.0.0_{number}", b"n" * number)
        except BaseException as error:  # pragma: no cover (reported below)
            errors.append(error)

    threads = [threading.Thread(target=write, args=(number,)) for number in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(store.list_ids()) == [f"1.0.0_{n}" for n in range(1, 5)]


def test_stores_sharing_a_bucket_see_each_others_changes_past_the_records_they_keep(
    s3_server: S3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    bucket = s3_server.new_bucket()
    office, home = store_in(s3_server, bucket, tag="office01"), store_in(s3_server, bucket, tag="home0001")
    first, second = "1.0.0+office01_1764253683123456", "1.0.0+office01_1764253683123457"
    write_backup(office, first, b"first")
    assert home.list_ids() == [first]
    record = home.read_record(first)
    # Kept: read again without fetching (nor verifying) the metadata again.
    gets: list[str] = []
    open_object = home.objects.open

    def counting_get(name: str, start: int = 0) -> BinaryIO:
        gets.append(name)
        return open_object(name, start)

    monkeypatch.setattr(home.objects, "open", counting_get)
    assert home.read_record(first) is record
    assert gets == []

    # Another machine's new backup appears, its deleted one disappears.
    write_backup(office, second, b"second")
    assert sorted(home.list_ids()) == [first, second]
    office.delete(first)
    assert home.list_ids() == [second]
    with pytest.raises(BackupNotFound):
        home.read_record(first)

    # A metadata object replaced behind its back (another ETag) is verified again: corrupted.
    home.read_record(second)
    key = f"p/{second}.json"
    client = s3_server.client()
    stored = client.get_object(Bucket=bucket, Key=key)["Body"].read()
    client.put_object(Bucket=bucket, Key=key, Body=stored.replace(b'"tests"', b'"testz"'))
    with pytest.raises(BackupCorrupted, match="metadata_sha256 does not match"):
        home.read_record(second)
    client.put_object(Bucket=bucket, Key=key, Body=stored)
    assert home.read_record(second) == office.read_record(second)
    assert home.listing_version() is None  # lists always ask the bucket
