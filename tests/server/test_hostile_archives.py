"""Hostile archives planted in the data directory of a running server (`backup-api serve`): each
restore is refused 409 `backup-corrupted`, the database is untouched, a legitimate `GET /backups`
answers in under a second meanwhile, and the server's memory stays bounded and goes back.

Bounds (the README's "Running it safely" names them too): the server's peak resident memory during
a hostile restore stays within `PEAK_OVER_IDLE` of its idle size (a line is refused at the request
bodies' per-document bound, 64 MiB by default, so the peak is about that bound plus a read chunk),
and `AFTER_OVER_IDLE` after it (the refused buffers are freed and given back: `memory.py`).
Peaks are the kernel's high-water mark (`VmHWM`), reset before each case (`/proc/PID/clear_refs`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from backup_api_server.storage.store import LocalDirectoryStore
from tests.support.assets import asset_documents, create_backup, seed_database, wait_for_creation
from tests.support.corruption import CORRUPTED_PROBLEM_TYPE
from tests.support.hostile import MIB, line_without_end, nested, plant, valid_line, valid_rows
from tests.support.live_server import LiveServer, running_server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux's /proc"),
]

PEAK_OVER_IDLE = 256 * MIB
AFTER_OVER_IDLE = 64 * MIB
KIB = 1024

# name → (the decoded stream, asset_count, decoded_bytes the record declares)
HOSTILE: dict[str, tuple[Callable[[], Iterator[bytes]], int, int | None]] = {
    "no-newline line of 64 KiB": (lambda: line_without_end(64 * KIB), 1, None),
    "no-newline line of 1 MiB": (lambda: line_without_end(MIB), 1, None),
    "no-newline line of 128 MiB": (lambda: line_without_end(128 * MIB), 1, None),
    "no-newline line of 1 GiB": (lambda: line_without_end(1024 * MIB), 1, None),
    "valid line of 900 MiB": (lambda: valid_line(900 * MIB), 1, None),
    "bomb of valid rows (3 GB)": (lambda: valid_rows(3_000_000), 10, 10 * 1023),
    "200,000-deep nesting": (lambda: nested(200_000), 1, None),
}


def memory_of(pid: int) -> dict[str, int]:
    """The process's VmRSS and VmHWM, in bytes."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) * KIB
    return fields


def reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("hostile") / "data"
    seed_database(data_dir, asset_documents(200))
    with running_server(data_dir) as live:
        yield live


def restore_while_listing(http: httpx.Client, url: str, backup_id: str) -> tuple[httpx.Response, float]:
    """The restore's answer, and the slowest `GET /backups` answered while it ran."""
    answer: list[httpx.Response] = []
    restoring = threading.Thread(
        target=lambda: answer.append(httpx.post(f"{url}/backup/{backup_id}/restore", timeout=600))
    )
    restoring.start()
    slowest = 0.0
    while restoring.is_alive():
        started = time.monotonic()
        assert http.get("/backups").status_code == 200
        slowest = max(slowest, time.monotonic() - started)
        time.sleep(0.05)
    restoring.join()
    return answer[0], slowest


def test_hostile_archives_are_refused_within_bounded_memory(server: LiveServer) -> None:
    pid = server.process.pid
    store = LocalDirectoryStore(server.data_dir / "backups", watch=False)
    with httpx.Client(base_url=server.url, timeout=60) as http:
        # Idle: after a legitimate creation and restore (everything they import is loaded).
        legitimate = create_backup(http, None)
        assert wait_for_creation(http, legitimate)["value"] == "COMPLETED"
        assert http.post(f"/backup/{legitimate}/restore").status_code == 200
        assets_before = http.get("/assets?limit=1000").json()
        idle = memory_of(pid)["VmRSS"]
        report = [f"idle RSS {idle / MIB:.0f} MiB"]
        for n, (name, (decoded, asset_count, decoded_bytes)) in enumerate(HOSTILE.items()):
            backup_id = f"1.0.0_{1764253683123456 + n}"
            plant(store, backup_id, decoded(), asset_count=asset_count, decoded_bytes=decoded_bytes)
            reset_peak(pid)
            before = memory_of(pid)["VmRSS"]

            answer, slowest = restore_while_listing(http, server.url, backup_id)

            time.sleep(0.2)
            after = memory_of(pid)
            report.append(
                f"{name}: {answer.status_code}, RSS before {before / MIB:.0f} MiB, "
                f"peak {after['VmHWM'] / MIB:.0f} MiB, after {after['VmRSS'] / MIB:.0f} MiB, "
                f"slowest GET /backups meanwhile {slowest * 1000:.0f} ms"
            )
            assert answer.status_code == 409, (name, answer.text)
            assert answer.json()["type"] == CORRUPTED_PROBLEM_TYPE
            assert slowest < 1.0, name
            assert after["VmHWM"] - idle <= PEAK_OVER_IDLE, report
            assert after["VmRSS"] - idle <= AFTER_OVER_IDLE, report
            assert http.get("/assets?limit=1000").json() == assets_before
        print("\n" + "\n".join(report))


def test_huge_metadata_is_refused_without_being_read(server: LiveServer) -> None:
    pid = server.process.pid
    store = LocalDirectoryStore(server.data_dir / "backups", watch=False)
    backup_id = "1.0.0_1764253683200000"
    plant(store, backup_id, [b'{"id":"a"}\n'], decoded_bytes=11)
    os.truncate(server.data_dir / "backups" / f"{backup_id}.json", 500 * MIB)  # sparse
    with httpx.Client(base_url=server.url, timeout=60) as http:
        http.get("/backups")
        idle = memory_of(pid)["VmRSS"]
        reset_peak(pid)
        for _ in range(3):
            started = time.monotonic()
            answer = http.get(f"/backup/{backup_id}")
            assert answer.status_code == 409 and answer.json()["type"] == CORRUPTED_PROBLEM_TYPE
            assert "more than the 65536" in answer.json()["detail"]
            assert time.monotonic() - started < 1.0
        listed = [backup["id"] for backup in http.get("/backups?limit=1000").json()["iterable"]]
        assert backup_id not in listed
        peak = memory_of(pid)["VmHWM"]
        print(f"\n500 MiB metadata: idle RSS {idle / MIB:.0f} MiB, peak {peak / MIB:.0f} MiB")
        assert peak - idle < 16 * MIB


def test_a_large_legitimate_restore_gives_its_memory_back(server: LiveServer) -> None:
    pid = server.process.pid
    with httpx.Client(base_url=server.url, timeout=120) as http:
        large = create_backup(http, asset_documents(40_000, content_bytes=1_000))  # ~45 MB of JSON
        assert wait_for_creation(http, large, timeout=120)["value"] == "COMPLETED"
        idle = memory_of(pid)["VmRSS"]
        reset_peak(pid)

        assert http.post(f"/backup/{large}/restore").status_code == 200

        time.sleep(0.2)
        after = memory_of(pid)
        print(
            f"\nlarge restore (40,000 assets): RSS before {idle / MIB:.0f} MiB, "
            f"peak {after['VmHWM'] / MIB:.0f} MiB, after {after['VmRSS'] / MIB:.0f} MiB"
        )
        assert after["VmRSS"] - idle <= AFTER_OVER_IDLE
