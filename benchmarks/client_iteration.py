"""Iterating every asset of a 1,000,000-asset database through the client, against raw httpx.

A data directory whose asset database holds `--assets` documents of about 1 KB each (built once;
`--keep DIR` reuses it across runs) is served by `backup-api serve` on 127.0.0.1 and a free port,
a fresh server for each measurement. Each measurement runs in a fresh interpreter, so its peak RSS
is its own, and reads the whole list with `limit=1000`:

- raw: `httpx.Client` following `Next-Cursor`, `json.loads` of each body, items counted;
- sync: `for asset in client.assets.list(limit=1000)` (typed `Asset` models);
- async: `async for asset in client.assets.list(limit=1000)` on `AsyncBackupApiClient`.

Prints each one's time and ratio to raw (target: at most 1.5), the CPU time of the client and of
the server (client and server take turns: the time is about their sum, so on a busy machine the
CPU ratio is the steadier figure), and the client process's peak RSS over its idle RSS (measured
after its imports, before the loop) and the server's (VmHWM over its RSS after start-up), target:
64 MiB each.

    uv run python benchmarks/client_iteration.py [--assets 1000000] [--keep DIR] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]

PAGE_LIMIT = 1000
TIME_TARGET = 1.5
RSS_TARGET_MIB = 64.0
MODES = ("raw", "sync", "async")
VOCABULARY = (
    "def class return import lambda yield async await snippet asset format fragment value string raw "
    "select from where join order group limit offset insert update delete create table index view"
)
WORDS = VOCABULARY.split()
BATCH = 20_000


def code_pool(generator: random.Random, size: int = 512) -> list[str]:
    """Code-like texts of 140 words (as engine_100k's documents), drawn once and reused."""
    return [" ".join(generator.choice(WORDS) for _ in range(140)) for _ in range(size)]


def make_document(index: int, generator: random.Random, codes: list[str]) -> dict[str, Any]:
    """A ~1 KB asset document: declared fields (nested models), an unknown nested one, code text."""
    return {
        "id": f"asset-{index:07d}",
        "name": f"Snippet {index}",
        "created": {"value": "2025-11-27T15:08:03.123456Z", "readable": "27 November 2025"},
        "mechanism": "MANUAL",
        "formats": {
            "iterable": [{"id": f"format-{index}", "fragment": {"string": {"raw": generator.choice(codes)}}}]
        },
        "original": {"id": f"format-{index}"},
        "x-client": {"tags": [generator.randrange(1000) for _ in range(5)], "score": generator.random()},
    }


def prepare(data_dir: Path, count: int) -> tuple[int, int]:
    """The database of `count` documents in `data_dir` (reused when it already holds that many):
    (documents, database bytes). Written through the server's own `AssetDatabase`."""
    from backup_api_server.storage.assets import AssetDatabase

    database = AssetDatabase(data_dir)
    try:
        if database.count() != count:
            database.close()
            for stale in data_dir.glob("assets.db*"):
                stale.unlink()
            database = AssetDatabase(data_dir)
            generator = random.Random(20251127)
            codes = code_pool(generator)
            for start in range(0, count, BATCH):
                batch = range(start, min(start + BATCH, count))
                database.put_many([make_document(index, generator, codes) for index in batch])
        return database.count(), (data_dir / "assets.db").stat().st_size
    finally:
        database.close()


def cpu_seconds_of(pid: int) -> float:
    """User and system CPU seconds a process has used (`/proc/<pid>/stat`)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_status_mib(pid: int | str, field: str) -> float:
    """A `/proc/<pid>/status` memory field (`VmRSS`, `VmHWM`) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


# --- the measured side, in a fresh interpreter per measurement ---------------------------------


def iterate_raw(url: str) -> int:
    import httpx

    count = 0
    with httpx.Client(base_url=url, timeout=120) as http:
        params: dict[str, Any] = {"limit": PAGE_LIMIT}
        while True:
            response = http.get("/assets", params=params)
            response.raise_for_status()
            count += len(json.loads(response.content)["iterable"])
            cursor = response.headers.get("Next-Cursor")
            if cursor is None:
                return count
            params["cursor"] = cursor


def iterate_sync(url: str) -> int:
    from backup_api_client import BackupApiClient

    count = 0
    with BackupApiClient(url, timeout=120) as client:
        for asset in client.assets.list(limit=PAGE_LIMIT):
            count += asset.id is not None
    return count


def iterate_async(url: str) -> int:
    import asyncio

    from backup_api_client import AsyncBackupApiClient

    async def run() -> int:
        count = 0
        async with AsyncBackupApiClient(url, timeout=120) as client:
            async for asset in client.assets.list(limit=PAGE_LIMIT):
                count += asset.id is not None
        return count

    return asyncio.run(run())


def measure(mode: str, url: str) -> dict[str, Any]:
    """One measurement: imports first (they are the idle RSS), then the timed loop."""
    import asyncio  # noqa: F401  (imported before the idle reading, as the others)

    import httpx  # noqa: F401

    import backup_api_client  # noqa: F401
    from backup_api_client.models import Asset, Assets  # noqa: F401
    from backup_api_client.pagination import AssetsPage  # noqa: F401

    loop = {"raw": iterate_raw, "sync": iterate_sync, "async": iterate_async}[mode]
    idle = proc_status_mib("self", "VmRSS")
    started, cpu_started = time.perf_counter(), time.process_time()
    count = loop(url)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "items": count,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "rss_over_idle_mib": proc_status_mib("self", "VmHWM") - idle,
    }


# --- the driver --------------------------------------------------------------------------------


def run_measurement(mode: str, data_dir: Path, timeout: float) -> dict[str, Any]:
    """`mode` in a fresh interpreter against a fresh server; adds the server's peak over idle."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from tests.support.live_server import running_server

    with running_server(data_dir) as live:
        pid = live.process.pid
        server_idle, server_cpu = proc_status_mib(pid, "VmRSS"), cpu_seconds_of(pid)
        command = [sys.executable, __file__, "--measure", mode, "--url", live.url]
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise SystemExit(f"{mode}: no result within {timeout:.0f} s (--timeout)") from None
        server_peak = proc_status_mib(pid, "VmHWM")
        server_cpu = cpu_seconds_of(pid) - server_cpu
    if completed.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{completed.stderr}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    result["server_rss_over_idle_mib"] = server_peak - server_idle
    result["server_cpu_seconds"] = server_cpu
    return result


def report(mode: str, result: dict[str, Any], raw: dict[str, Any] | None) -> str:
    ratio = f" (ratio to raw {result['seconds'] / raw['seconds']:4.2f})" if raw else ""
    cpu_ratio = f" (ratio {result['cpu_seconds'] / raw['cpu_seconds']:4.2f})" if raw else ""
    return (
        f"{mode:5} {result['seconds']:6.2f} s{ratio}; CPU: client {result['cpu_seconds']:5.2f} s"
        f"{cpu_ratio}, server {result['server_cpu_seconds']:5.2f} s; peak RSS over idle: "
        f"client {result['rss_over_idle_mib']:4.1f} MiB, server {result['server_rss_over_idle_mib']:4.1f} MiB"
    )


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--assets", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build the data directory here, or reuse it")
    parser.add_argument("--runs", type=int, default=1, help="rounds of every mode; the fastest is shown")
    parser.add_argument("--modes", default=",".join(MODES), help="which of raw,sync,async to run")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds one measurement may take")
    parser.add_argument("--measure", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)

    if arguments.measure:
        print(json.dumps(measure(arguments.measure, arguments.url)))
        return 0

    modes = [mode for mode in arguments.modes.split(",") if mode]
    with tempfile.TemporaryDirectory(prefix="client-iteration-") as scratch:
        data_dir = arguments.keep or Path(scratch) / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        documents, size = prepare(data_dir, arguments.assets)
        print(f"database: {documents} documents, {size / 1e6:.0f} MB ({time.perf_counter() - started:.0f} s)")
        results: dict[str, dict[str, Any]] = {}
        # Rounds of every mode in turn, the fastest of each kept: a shared machine's load changes.
        for round_number in range(1, arguments.runs + 1):
            for mode in modes:
                result = run_measurement(mode, data_dir, arguments.timeout)
                if result["items"] != documents:
                    raise SystemExit(f"{mode}: read {result['items']} of {documents} assets")
                if mode not in results or result["seconds"] < results[mode]["seconds"]:
                    results[mode] = result
                if arguments.runs > 1:
                    print(f"round {round_number}: " + report(mode, result, None), flush=True)
        for mode, result in results.items():
            print(report(mode, result, results.get("raw")), flush=True)
    memory_met = all(
        result["rss_over_idle_mib"] <= RSS_TARGET_MIB and result["server_rss_over_idle_mib"] <= RSS_TARGET_MIB
        for result in results.values()
    )
    print(f"peak RSS over idle <= {RSS_TARGET_MIB:.0f} MiB each: " + ("met" if memory_met else "NOT met"))
    if "raw" in results:
        limit = TIME_TARGET * results["raw"]["seconds"]
        time_met = all(result["seconds"] <= limit for result in results.values())
        print(f"time <= {TIME_TARGET} x raw: " + ("met" if time_met else "NOT met"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
