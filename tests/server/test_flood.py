"""A flood of creation requests against a live server: bounded threads, a bounded queue, 429 with
Retry-After beyond it, and every accepted creation completes.

Each creation used to get a thread of its own (1,974 threads for 2,000 queued creations). Now
MAX_CONCURRENT_CREATIONS workers run them and at most MAX_PENDING_CREATIONS more wait; the server's
other threads are the pool that runs blocking request handlers (anyio's default limit, 40) and a
few of its own, whatever the number of requests.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from backup_api_server.engine import MAX_CONCURRENT_CREATIONS, MAX_PENDING_CREATIONS
from tests.support.assets import asset_documents, seed_database, wait_for_creation
from tests.support.conformance import check_response
from tests.support.live_server import LiveServer, running_server

pytestmark = pytest.mark.slow

REQUESTS = 1_000
CLIENT_THREADS = 8
TIME_LIMIT_SECONDS = 60.0
# anyio's default thread limit for blocking handlers (40), the creation workers, and a few more
# (the main thread, a restoration's thread, headroom for the runtime's own).
THREAD_BOUND = 40 + MAX_CONCURRENT_CREATIONS + 6
UNFINISHED_BOUND = MAX_CONCURRENT_CREATIONS + MAX_PENDING_CREATIONS


class Monitor:
    """Samples, until stopped, the server's thread count and its unfinished creations (their journal
    markers, `jobs/<id>.creating`, exist from before a creation is accepted until it has committed)."""

    def __init__(self, pid: int, jobs: Path) -> None:
        self._status = Path(f"/proc/{pid}/status")
        self._jobs = jobs
        self._stop = threading.Event()
        self.threads: list[int] = []
        self.unfinished: list[int] = []
        self._thread = threading.Thread(target=self._run, name="flood monitor", daemon=True)

    def __enter__(self) -> Monitor:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            for line in self._status.read_text().splitlines():
                if line.startswith("Threads:"):
                    self.threads.append(int(line.split()[1]))
            self.unfinished.append(sum(1 for name in _names(self._jobs) if name.endswith(".creating")))
            time.sleep(0.002)


def _names(directory: Path) -> list[str]:
    try:
        return [path.name for path in directory.iterdir()]
    except FileNotFoundError:
        return []


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    if not Path("/proc/self/status").exists():
        pytest.skip("reading a process's thread count needs /proc")
    data_dir = tmp_path / "data"
    seed_database(data_dir, asset_documents(20))
    with running_server(data_dir) as live:
        yield live


def test_a_flood_of_creations_is_bounded_and_every_accepted_one_completes(server: LiveServer) -> None:
    local = threading.local()

    def client() -> httpx.Client:
        if not hasattr(local, "client"):
            local.client = httpx.Client(
                base_url=server.url, timeout=30.0, event_hooks={"response": [check_response]}
            )
        created: httpx.Client = local.client
        return created

    def create(_: int) -> httpx.Response:
        response = client().post("/backup")
        response.read()
        return response

    started = time.monotonic()
    with Monitor(server.process.pid, server.data_dir / "jobs") as monitor:
        with ThreadPoolExecutor(CLIENT_THREADS) as pool:
            answers = list(pool.map(create, range(REQUESTS)))
        flood_seconds = time.monotonic() - started
        accepted = [answer.headers["Backup-Id"] for answer in answers if answer.status_code == 202]
        with httpx.Client(base_url=server.url, timeout=30.0) as http:
            for backup_id in accepted:
                final = wait_for_creation(http, backup_id, timeout=TIME_LIMIT_SECONDS)
                assert final["value"] == "COMPLETED", final
            page = http.get("/backups", params={"limit": 1000}).json()  # more than were accepted
            listed = [backup["id"] for backup in page["iterable"]]

    elapsed = time.monotonic() - started
    statuses = Counter(answer.status_code for answer in answers)
    refused = [answer for answer in answers if answer.status_code == 429]
    print(
        f"\n{REQUESTS} creations in {flood_seconds:.1f} s ({elapsed:.1f} s until all completed): "
        f"{dict(statuses)}; server threads peak {max(monitor.threads)} (bound {THREAD_BOUND}), "
        f"unfinished creations peak {max(monitor.unfinished)} (bound {UNFINISHED_BOUND}), "
        f"{len(monitor.threads)} samples"
    )

    assert set(statuses) <= {202, 429}
    assert accepted and refused
    for answer in refused:
        assert answer.headers["content-type"].startswith("application/problem+json")
        problem = answer.json()
        assert problem["type"] == "urn:backup-api:problem:too-many-requests"
        assert problem["status"] == 429
        assert int(answer.headers["Retry-After"]) >= 1
    assert max(monitor.threads) <= THREAD_BOUND
    assert max(monitor.unfinished) <= UNFINISHED_BOUND
    # Refused creations left nothing: every backup listed is an accepted one, and all of them are.
    assert sorted(listed) == sorted(accepted)
    assert [name for name in _names(server.data_dir / "jobs")] == []
    assert elapsed < TIME_LIMIT_SECONDS
