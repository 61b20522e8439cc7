"""The streamed restore end to end: the server's SSE, the client's typed iterators (sync and async)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backup_api_client import (
    AsyncBackupApiClient,
    BackupApiClient,
    NotFoundError,
    RestorationFailedError,
)
from backup_api_client.models import Backup, BackupStatusEnum, BackupStreamedProgress
from tests.server.conftest import checked_client
from tests.support.assets import (
    LARGE_DATABASE_ASSETS,
    asset_documents,
    copy_data_dir,
    create_backup,
    creation_statuses,
    every_asset,
    wait_for_creation,
)
from tests.support.corruption import assert_sha256_refusal
from tests.support.live_server import LiveServer, running_server
from tests.support.waiting import follow_creation, follow_restoration

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

TERMINAL = {BackupStatusEnum.COMPLETED, BackupStatusEnum.CANCELED}


class Backups:
    """A live server over a large database with a backup of all of it and a small one; and every
    creation status of the large backup polled while it was made."""

    def __init__(
        self, live: LiveServer, large: str, small: str, large_creation: list[dict[str, Any]]
    ) -> None:
        self.live = live
        self.large = large
        self.small = small
        self.large_creation = large_creation


@pytest.fixture(scope="module")
def backups(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backups]:
    data_dir = copy_data_dir(seeded_template, tmp_path_factory.mktemp("streaming") / "data")
    with running_server(data_dir) as live, checked_client(live) as http:
        large = create_backup(http, None)
        small = create_backup(http, asset_documents(4))
        large_creation = creation_statuses(http, large)
        for backup_id in (large, small):
            assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
        yield Backups(live, large, small, large_creation)


def assert_well_ordered(events: list[BackupStreamedProgress]) -> None:
    assert all(isinstance(event, BackupStreamedProgress) for event in events)
    percentages = [event.percentage for event in events]
    assert all(isinstance(p, float) for p in percentages)
    assert percentages == sorted(percentages), percentages
    assert all(event.status not in TERMINAL for event in events[:-1])


def test_events_arrive_while_the_restore_runs(backups: Backups) -> None:
    """Each event reaches the client while the restoration it reports is still running.

    Catches the planted "events held until the end" (the server buffers every event and sends them
    all once the restoration is over): the old check, the first event arriving before the last,
    holds for any stream of two events. Now the server's own restoration status, read as soon as
    the first event is in our hands, must still say the restoration is running, below 100 %.
    """
    with BackupApiClient(backups.live.url) as client:
        received: list[BackupStreamedProgress] = []
        with client.backup.restore_stream(backups.large) as events:
            for progress in events:
                if not received:
                    status_at_first_event = client.backup.restoration_status(backups.large)
                received.append(progress)
            assert events.ended
    assert_well_ordered(received)
    first, last = received[0], received[-1]
    assert last.status == BackupStatusEnum.COMPLETED
    assert isinstance(last.backup, Backup) and last.backup.id == backups.large
    assert last.percentage == 100.0
    # Incremental: the first event was in our hands before the restoration had finished.
    assert first.status in (BackupStatusEnum.INITIALIZED, BackupStatusEnum.IN_PROGRESS)
    assert status_at_first_event.value in (BackupStatusEnum.INITIALIZED, BackupStatusEnum.IN_PROGRESS)
    assert isinstance(status_at_first_event.percentage, float)
    assert status_at_first_event.percentage < 100.0
    assert len({event.percentage for event in received}) > 5


def test_creation_progress_moves_while_it_runs(backups: Backups) -> None:
    """Creation status, polled while the large backup was made, passes through values between 0 and
    100 (the engine publishes after each batch of 500 assets; 120,000 assets make 240 batches).

    Catches the planted "progress frozen until the end" (a creation reports 0 % until it jumps to
    100 % when complete): every other live check only looked at the order and the final 100.
    """
    statuses = backups.large_creation
    assert statuses[-1]["value"] == "COMPLETED" and statuses[-1]["percentage"] == 100.0
    percentages = [status["percentage"] for status in statuses if status["value"] == "IN-PROGRESS"]
    assert percentages == sorted(percentages), percentages
    intermediate = {p for p in percentages if 0.0 < p < 100.0}
    assert len(intermediate) >= 2, statuses


async def test_async_events_are_typed_and_ordered(backups: Backups) -> None:
    async with AsyncBackupApiClient(backups.live.url) as client:
        async with client.backup.restore_stream(backups.small) as events:
            received = [progress async for progress in events]
    assert_well_ordered(received)
    assert received[-1].status == BackupStatusEnum.COMPLETED
    async with AsyncBackupApiClient(backups.live.url) as client:
        assets = await client.assets.list()
    assert [asset.id for asset in assets.iterable] == [f"asset-{i:06d}" for i in range(4)]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_breaking_out_closes_the_connection_and_the_restore_still_completes(
    backups: Backups, mode: str
) -> None:
    with BackupApiClient(backups.live.url) as client:
        assert client.backup.restore(backups.small).id == backups.small
        if mode == "sync":
            with client.backup.restore_stream(backups.large) as events:
                for _progress in events:
                    break
                assert events.response.is_closed  # the break alone closed it
        else:
            async with AsyncBackupApiClient(backups.live.url) as async_client:
                async with async_client.backup.restore_stream(backups.large) as async_events:
                    async for _progress in async_events:
                        break
                assert async_events.response.is_closed
        assert follow_restoration(client, backups.large)[-1].value == BackupStatusEnum.COMPLETED
    with httpx.Client(base_url=backups.live.url, timeout=60) as http:
        assert len(every_asset(http)["iterable"]) == LARGE_DATABASE_ASSETS


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_corrupted_backup_ends_failed_and_raises(backups: Backups, mode: str) -> None:
    """A flipped byte ends the stream FAILED, refused by the sha256 check, the database untouched.

    Catches the planted "sha256 comparison removed" (`ArchiveReader.verify` no longer compares
    digests): decoding then fails in zstd, whose message depends on where the byte landed; when it
    read "Restored data doesn't match checksum" the old `"checksum" in detail` passed.
    """
    with BackupApiClient(backups.live.url) as client:
        corrupted = client.backup.create(None)
        assert follow_creation(client, corrupted)[-1].value == BackupStatusEnum.COMPLETED
        client.backup.restore(backups.small)
        before = client.assets.list().to_dict()
        archive = next((backups.live.data_dir / "backups").glob(f"{corrupted}*.zst"))
        data = bytearray(archive.read_bytes())
        data[len(data) // 3] ^= 0x55
        archive.write_bytes(bytes(data))

        received: list[Any] = []
        with pytest.raises(RestorationFailedError) as raised:
            if mode == "sync":
                with client.backup.restore_stream(corrupted) as events:
                    received.extend(events)
            else:
                async with AsyncBackupApiClient(backups.live.url) as async_client:
                    async with async_client.backup.restore_stream(corrupted) as async_events:
                        received.extend([progress async for progress in async_events])
        assert_sha256_refusal(raised.value.detail)
        assert raised.value.progress.status == BackupStatusEnum.FAILED
        assert client.assets.list().to_dict() == before
        client.backups.delete(corrupted)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_cancel_mid_stream_ends_canceled_with_the_original_database(
    backups: Backups, mode: str
) -> None:
    with BackupApiClient(backups.live.url) as client:
        client.backup.restore(backups.small)
        original = client.assets.list().to_dict()
        received: list[BackupStreamedProgress] = []
        if mode == "sync":
            with client.backup.restore_stream(backups.large) as events:
                for progress in events:
                    received.append(progress)
                    if len(received) == 1:
                        client.backup.cancel_restoration(backups.large)
        else:
            async with AsyncBackupApiClient(backups.live.url) as async_client:
                async with async_client.backup.restore_stream(backups.large) as async_events:
                    async for progress in async_events:
                        received.append(progress)
                        if len(received) == 1:
                            await async_client.backup.cancel_restoration(backups.large)
        assert received[-1].status == BackupStatusEnum.CANCELED
        assert_well_ordered(received)
        assert client.assets.list().to_dict() == original


async def test_an_unknown_backup_raises_when_the_stream_opens(backups: Backups) -> None:
    with BackupApiClient(backups.live.url) as client, pytest.raises(NotFoundError):
        with client.backup.restore_stream("1.0.0_1"):
            pass
    async with AsyncBackupApiClient(backups.live.url) as async_client:
        with pytest.raises(NotFoundError):
            async with async_client.backup.restore_stream("1.0.0_1"):
                pass


def test_other_accept_keeps_the_blocking_json_answer(backups: Backups) -> None:
    with BackupApiClient(backups.live.url) as client:
        final = client.backup.restore_streamed_json(backups.small)
    assert final.status == BackupStatusEnum.COMPLETED
    assert isinstance(final.backup, Backup) and final.backup.id == backups.small
    with httpx.Client(base_url=backups.live.url) as http:
        response = http.post(f"/backup/{backups.small}/restore/streamed", headers={"Accept": "*/*"})
        assert response.headers["content-type"].startswith("application/json")
        assert response.json()["status"] == "COMPLETED"
