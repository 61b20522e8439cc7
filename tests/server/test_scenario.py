"""The whole life of a backup, through the generated client against a live server."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

import backup_api_client
from backup_api_client import BackupApiClient, GoneError
from backup_api_client.models import Asset, Assets, BackupStatusEnum
from tests.support.assets import asset_documents, seed_database
from tests.support.live_server import running_server
from tests.support.waiting import follow_creation

pytestmark = pytest.mark.slow


def test_back_up_list_inspect_and_restore_1000_assets_with_unknown_fields(tmp_path: Path) -> None:
    documents = asset_documents(1000)
    sent = Assets.from_dict({"iterable": documents})
    with running_server(tmp_path / "data") as live, BackupApiClient(live.url) as client:
        backup_id = client.backup.create(sent)

        statuses = follow_creation(client, backup_id)
        final = statuses[-1]
        assert final.value == BackupStatusEnum.COMPLETED
        assert final.percentage == 100.0
        percentages = [s.percentage for s in statuses if isinstance(s.percentage, float)]
        assert percentages == sorted(percentages)

        listed = client.backups.list().iterable
        assert [backup.id for backup in listed] == [backup_id]
        backup = client.backup.get(backup_id)
        assert backup.id == backup_id
        assert backup.version == backup_api_client.__version__  # the spec's info.version
        assert backup_id == f"{backup.version}_{backup.timestamp}"
        assert backup.bytes_ > 0
        assert backup.bytes_ == sum(
            p.stat().st_size for p in (live.data_dir / "backups").glob(f"{backup_id}*.zst")
        )

        assert client.assets.list().iterable == []
        restored = client.backup.restore(backup_id)
        assert restored.id == backup_id

        # Deep equality, unknown fields at every level included: as typed models...
        assert client.assets.list(limit=1000).to_dict() == sent.to_dict()
        # ...and on the wire, where the server returns each document exactly as the client sent it.
        assert httpx.get(f"{live.url}/assets", params={"limit": 1000}).json() == sent.to_dict()
        assert client.backup.restoration_status(backup_id).value == BackupStatusEnum.COMPLETED


def test_a_backup_of_the_whole_local_database_and_of_one_asset(tmp_path: Path) -> None:
    documents = asset_documents(300)
    seed_database(tmp_path / "data", documents)
    with running_server(tmp_path / "data") as live, BackupApiClient(live.url) as client:
        whole = client.backup.create()
        one = client.backup.create_from_asset(Asset.from_dict(documents[7]))
        for backup_id in (whole, one):
            assert follow_creation(client, backup_id)[-1].value == BackupStatusEnum.COMPLETED
        assert [b.id for b in client.backups.list().iterable] == [one, whole]  # newest first

        client.backup.restore(one)
        # The typed model writes date-times in its own (equivalent) form: compare with what it sent.
        assert httpx.get(f"{live.url}/assets").json() == {
            "iterable": [Asset.from_dict(documents[7]).to_dict()]
        }
        client.backup.restore(whole)
        # A whole-database backup holds the documents exactly as the database had them.
        assert httpx.get(f"{live.url}/assets", params={"limit": 1000}).json() == {"iterable": documents}

        client.backups.delete(one)
        with pytest.raises(GoneError):
            client.backup.get(one)
        assert [b.id for b in client.backups.list().iterable] == [whole]
