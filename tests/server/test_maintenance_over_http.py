"""The `Maintenance` operations over HTTP, every answer checked against the spec: a verified backup's
report, a corrupted one refused with the restore's problem type, prune and its dry run, the
schedules' state."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.server.conftest import checked_client
from tests.support.assets import asset_documents, create_backup, every_asset, wait_for_creation
from tests.support.corruption import CORRUPTED_PROBLEM_TYPE
from tests.support.live_server import running_server

pytestmark = pytest.mark.slow


def test_verify_prune_and_status_over_http(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with running_server(data_dir) as server, checked_client(server) as http:
        made = []
        for size in (5, 6, 7):
            backup_id = create_backup(http, asset_documents(size))
            assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
            made.append(backup_id)

        verified = http.post(f"/backup/{made[0]}/verify")
        assert verified.status_code == 200
        report = verified.json()
        assert report["backup"] == made[0] and report["ok"] is True and report["documents"] == 5
        assert report["bytes"] == (data_dir / "backups" / f"{made[0]}.jsonl.zst").stat().st_size

        archive = data_dir / "backups" / f"{made[1]}.jsonl.zst"
        content = bytearray(archive.read_bytes())
        content[-5] ^= 0x01
        archive.write_bytes(bytes(content))
        assets_before = every_asset(http)
        refused_verify = http.post(f"/backup/{made[1]}/verify")
        refused_restore = http.post(f"/backup/{made[1]}/restore")
        assert refused_verify.status_code == refused_restore.status_code == 409
        assert refused_verify.json()["type"] == refused_restore.json()["type"] == CORRUPTED_PROBLEM_TYPE
        assert every_asset(http) == assets_before
        assert http.post("/backup/1.0.0_1/verify").status_code == 404

        planned = http.post("/backups/prune", json={"keep_last": 1, "dry_run": True}).json()
        assert planned["dry_run"] is True and planned["removed"] == [made[1], made[0]]
        assert planned["kept"] == [{"backup": made[2], "reasons": ["last snapshot"]}]
        pruned = http.post("/backups/prune", json={"keep_last": 1}).json()
        assert pruned["dry_run"] is False and pruned["removed"] == planned["removed"]
        assert [backup["id"] for backup in http.get("/backups").json()["iterable"]] == [made[2]]
        assert http.get(f"/backup/{made[0]}").status_code == 410

        assert http.post("/backups/prune", json={"keep_daily": -2}).status_code == 422
        assert http.post("/backups/prune").json()["removed"] == []  # no policy: nothing removed
        assert http.get("/maintenance").json() == {}  # nothing scheduled on this server
