"""`backup-api serve --store s3://…` against a real S3 endpoint (moto's server on 127.0.0.1): the
scenario of test_scenario.py, and two machines (data directories) sharing one bucket."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

import backup_api_client
from backup_api_client import BackupApiClient
from backup_api_client.models import Assets, BackupStatusEnum
from backup_api_server.contract import backup_id_is_valid
from backup_api_server.storage.encryption import MAGIC, write_new_key_file
from tests.support.assets import asset_documents, seed_database
from tests.support.live_server import running_server
from tests.support.s3 import S3_ENVIRONMENT, S3Server
from tests.support.waiting import follow_creation

pytestmark = pytest.mark.slow

# Ids the servers make: the spec's version, this writer's tag, a timestamp.
TAGGED_ID = re.compile(rf"^{re.escape(backup_api_client.__version__)}\+([0-9a-z]{{8}})_[0-9]+$")


def writer_tag_of(backup_id: str) -> str:
    found = TAGGED_ID.match(backup_id)
    assert found, backup_id
    return found.group(1)


@pytest.fixture
def bucket(monkeypatch: pytest.MonkeyPatch, s3_server: S3Server) -> str:
    """A new bucket; the servers started by the test find it through the standard AWS variables."""
    for name, value in S3_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_server.endpoint_url)
    return s3_server.new_bucket()


def test_create_status_restore_through_serve_with_an_s3_store(
    tmp_path: Path, bucket: str, s3_server: S3Server
) -> None:
    documents = asset_documents(1000)
    sent = Assets.from_dict({"iterable": documents})
    store = f"s3://{bucket}/laptop"
    with running_server(tmp_path / "data", "--store", store) as live, BackupApiClient(live.url) as client:
        backup_id = client.backup.create(sent)
        assert follow_creation(client, backup_id)[-1].value == BackupStatusEnum.COMPLETED

        assert TAGGED_ID.match(backup_id)
        backup = client.backup.get(backup_id)
        assert backup_id == f"{backup.version}_{backup.timestamp}"
        assert [b.id for b in client.backups.list().iterable] == [backup_id]
        # Offsite: the objects are in the bucket, nothing in the data directory.
        assert s3_server.keys(bucket) == [f"laptop/{backup_id}.json", f"laptop/{backup_id}.jsonl.zst"]
        head = s3_server.client().head_object(Bucket=bucket, Key=f"laptop/{backup_id}.jsonl.zst")
        assert backup.bytes_ == head["ContentLength"]
        assert not (live.data_dir / "backups").exists()

        assert client.assets.list().iterable == []
        assert client.backup.restore(backup_id).id == backup_id
        # All 1,000 assets fit in one page of the largest size.
        assert httpx.get(f"{live.url}/assets", params={"limit": 1000}).json() == sent.to_dict()
        assert client.backup.restoration_status(backup_id).value == BackupStatusEnum.COMPLETED


def test_archives_leave_for_the_bucket_encrypted_with_a_key(
    tmp_path: Path, bucket: str, s3_server: S3Server
) -> None:
    key_file = tmp_path / "backup.key"
    write_new_key_file(key_file)
    documents = asset_documents(200)
    store = f"s3://{bucket}/laptop"
    with (
        running_server(tmp_path / "data", "--store", store, "--encryption-key-file", str(key_file)) as live,
        BackupApiClient(live.url) as client,
    ):
        sent = Assets.from_dict({"iterable": documents})
        backup_id = client.backup.create(sent)
        assert follow_creation(client, backup_id)[-1].value == BackupStatusEnum.COMPLETED
        stored = (
            s3_server.client().get_object(Bucket=bucket, Key=f"laptop/{backup_id}.jsonl.zst")["Body"].read()
        )
        assert stored.startswith(MAGIC) and documents[0]["id"].encode() not in stored

        assert client.backup.restore(backup_id).id == backup_id
        assert httpx.get(f"{live.url}/assets", params={"limit": 1000}).json() == sent.to_dict()


def test_two_servers_one_bucket_see_and_restore_each_others_backups(tmp_path: Path, bucket: str) -> None:
    store = f"s3://{bucket}/shared"
    office_assets = asset_documents(50)
    home_assets = [{"id": "home", "note": "made at home"}]
    seed_database(tmp_path / "office", office_assets)
    seed_database(tmp_path / "home", home_assets)
    with (
        running_server(tmp_path / "office", "--store", store) as office_server,
        running_server(tmp_path / "home", "--store", store) as home_server,
        BackupApiClient(office_server.url) as office,
        BackupApiClient(home_server.url) as home,
    ):
        # Both at once, many times: never the same id.
        made_at_office, made_at_home = [], []
        for _ in range(3):
            made_at_office.append(office.backup.create())
            made_at_home.append(home.backup.create())
        for backup_id in made_at_office:
            assert follow_creation(office, backup_id)[-1].value == BackupStatusEnum.COMPLETED
        for backup_id in made_at_home:
            assert follow_creation(home, backup_id)[-1].value == BackupStatusEnum.COMPLETED
        every_id = made_at_office + made_at_home
        assert len(set(every_id)) == 6
        assert all(backup_id_is_valid(backup_id) for backup_id in every_id)
        office_tags, home_tags = (
            {writer_tag_of(i) for i in made_at_office},
            {writer_tag_of(i) for i in made_at_home},
        )
        assert len(office_tags) == len(home_tags) == 1
        assert office_tags != home_tags

        # Each lists the other's backups...
        for client in (office, home):
            assert sorted(b.id for b in client.backups.list().iterable) == sorted(every_id)
        # ...and restores one the other made.
        home.backup.restore(made_at_office[0])
        assert httpx.get(f"{home_server.url}/assets").json() == {"iterable": office_assets}
        office.backup.restore(made_at_home[-1])
        assert httpx.get(f"{office_server.url}/assets").json() == {"iterable": home_assets}

        # Each keeps the records it verified, yet sees the other's deletions and new backups.
        home.backups.delete(made_at_home[0])
        office.backups.delete(made_at_office[0])
        made_later = office.backup.create()
        assert follow_creation(office, made_later)[-1].value == BackupStatusEnum.COMPLETED
        remaining = sorted({*every_id, made_later} - {made_at_home[0], made_at_office[0]})
        for client in (office, home):
            assert sorted(b.id for b in client.backups.list().iterable) == remaining
        assert httpx.get(f"{office_server.url}/backup/{made_at_home[0]}").status_code == 404
        assert home.backup.get(made_later).id == made_later


NOT_IMPLEMENTED = (
    b"<?xml version='1.0' encoding='UTF-8'?>\n<Error><Code>NotImplemented</Code>"
    b"<Message>A header or query you provided implies functionality that is not implemented</Message></Error>"
)


def test_a_store_without_list_multipart_uploads_starts_with_one_warning_and_round_trips(
    tmp_path: Path, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some S3-compatible stores answer `NotImplemented` (501) to ListMultipartUploads, which only
    the start-up clean-up uses: moto (in this process) is made to answer so."""
    from moto.s3.responses import S3Response

    asked: list[str] = []

    def not_implemented(self: S3Response) -> tuple[int, dict[str, str], bytes]:
        asked.append(self.bucket_name)
        return 501, {"Content-Type": "application/xml"}, NOT_IMPLEMENTED

    monkeypatch.setattr(S3Response, "list_multipart_uploads", not_implemented)
    documents = asset_documents(300)
    sent = Assets.from_dict({"iterable": documents})
    with (
        running_server(tmp_path / "data", "--store", f"s3://{bucket}/nas") as live,
        BackupApiClient(live.url) as client,
    ):
        assert asked == [bucket]  # the clean-up asked once, was refused, and the server started
        warnings = [line for line in live.log if "ListMultipartUploads" in line]
        assert len(warnings) == 1, live.log
        assert "AbortIncompleteMultipartUpload" in warnings[0]
        assert "Traceback" not in "".join(live.log)

        backup_id = client.backup.create(sent)
        assert follow_creation(client, backup_id)[-1].value == BackupStatusEnum.COMPLETED
        assert client.backup.restore(backup_id).id == backup_id
        assert httpx.get(f"{live.url}/assets", params={"limit": 1000}).json() == sent.to_dict()
