"""The catalogue with many backups: the first page of `GET /backups` and a creation status, with
50 backups and with 100,000 (made cheaply: a tiny archive and its record, written straight into
the data directory's store), at rest and right after a creation; prints each time and the ratio
to the 50-backup baseline measured in the same run (target: <= 2).

    uv run python benchmarks/catalog_scale.py [--backups 100000] [--requests 200] [--creations 10]
    uv run python benchmarks/catalog_scale.py --s3 [--backups 2000]   # the S3 figure (moto), separately

The server is the real one (`backup-api serve`, a process of its own on 127.0.0.1); each time is the
median of sequential requests on one keep-alive connection. "After a creation" times the first
page and the status answered right after a creation's status says COMPLETED (the index takes
the new backup on that first request).
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import zstandard
from _reference import running_server

from backup_api_server.storage.metadata import BackupRecord, encode_record
from backup_api_server_models import Backup, BackupId, GroupedTimestamp, PlatformEnum
from tests.support import live_server

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FIRST_TIMESTAMP = 1_700_000_000_000_000


# Start-up verifies every record once to build the index (about a minute for 100,000 on a shared
# machine): wait for it.
live_server.STARTUP_TIMEOUT_SECONDS = 900.0


def plant_backups(backups_dir: Path, count: int) -> None:
    """`count` committed backups of one tiny archive each, as the server would have written them."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    decoded = b'{"id":"asset"}\n'
    archive = zstandard.ZstdCompressor().compress(decoded)
    sha256 = hashlib.sha256(archive).hexdigest()
    for n in range(count):
        timestamp = FIRST_TIMESTAMP + n * 1_000_000
        backup_id = f"1.0.0_{timestamp}"
        backup = Backup(
            id=BackupId(backup_id),
            version="1.0.0",
            timestamp=str(timestamp),
            bytes=len(archive),
            created=GroupedTimestamp(value=EPOCH + timedelta(microseconds=timestamp)),
            device_name="bench",
            platform=PlatformEnum.LINUX,
        )
        record = BackupRecord(backup, sha256, asset_count=1, decoded_bytes=len(decoded))
        (backups_dir / f"{backup_id}.jsonl.zst").write_bytes(archive)
        (backups_dir / f"{backup_id}.json").write_bytes(encode_record(record))


def median_ms(client: httpx.Client, path: str, requests: int) -> float:
    for _ in range(20):  # warm-up: imports, caches, the connection
        client.get(path)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        answer = client.get(path)
        times.append(time.perf_counter() - started)
        answer.raise_for_status()
    return statistics.median(times) * 1000


def after_creations(client: httpx.Client, creations: int) -> tuple[float, float]:
    """Median ms of the first page and of a status, each asked right after a creation completed."""
    pages, statuses = [], []
    for n in range(creations):
        answer = client.post("/backup", json={"iterable": [{"id": f"new-{n}"}]})
        status_path = f"{answer.headers['location']}/creation/status"
        while client.get(status_path).json()["value"] != "COMPLETED":
            time.sleep(0.01)
        started = time.perf_counter()
        client.get("/backups").raise_for_status()
        pages.append(time.perf_counter() - started)
        started = time.perf_counter()
        client.get(status_path).raise_for_status()
        statuses.append(time.perf_counter() - started)
    return statistics.median(pages) * 1000, statistics.median(statuses) * 1000


def measure(count: int, requests: int, creations: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="backup-api-catalog-") as scratch:
        data_dir = Path(scratch) / "data"
        started = time.perf_counter()
        plant_backups(data_dir / "backups", count)
        planted = time.perf_counter() - started
        started = time.perf_counter()
        with running_server(data_dir) as live, httpx.Client(base_url=live.url, timeout=60) as client:
            startup = time.perf_counter() - started
            newest = f"1.0.0_{FIRST_TIMESTAMP + (count - 1) * 1_000_000}"
            assert client.get("/backups?limit=1").json()["iterable"][0]["id"] == newest
            results = {
                "first page": median_ms(client, "/backups", requests),
                "status": median_ms(client, f"/backup/{newest}/creation/status", requests),
            }
            results["first page after a creation"], results["status after a creation"] = after_creations(
                client, creations
            )
        print(f"  {count} backups: planted in {planted:.1f} s, server up (index built) in {startup:.1f} s")
        return results


def measure_s3(count: int, requests: int) -> dict[str, float]:
    """The first page and a status through an S3 store (moto's server on 127.0.0.1), in process:
    an object store other machines write has no index, so a page is a LIST of the prefix."""
    from backup_api_server.engine import BackupEngine
    from backup_api_server.storage.s3_store import S3Store, parse_s3_url
    from tests.support.s3 import running_s3_server

    with running_s3_server() as server, tempfile.TemporaryDirectory(prefix="backup-api-catalog-") as scratch:
        client = server.client()
        bucket = server.new_bucket()
        local = Path(scratch) / "planted"
        plant_backups(local, count)
        for path in local.iterdir():
            client.put_object(Bucket=bucket, Key=f"p/{path.name}", Body=path.read_bytes())
        store = S3Store(parse_s3_url(f"s3://{bucket}/p"), client=client)
        with BackupEngine(Path(scratch) / "data", api_version="1.0.0", store=store) as engine:
            newest = f"1.0.0_{FIRST_TIMESTAMP + (count - 1) * 1_000_000}"
            timings: dict[str, float] = {}
            for name, call in (
                ("first page", lambda: engine.page_backups(None, 20)),
                ("status", lambda: engine.creation_status(newest)),
            ):
                times = []
                for _ in range(requests):
                    started = time.perf_counter()
                    call()
                    times.append(time.perf_counter() - started)
                timings[name] = statistics.median(times) * 1000
            return timings


def main_s3(backups: int, requests: int) -> None:
    baseline, scaled = measure_s3(50, requests), measure_s3(backups, requests)
    print(f"S3 (moto, in process) {'':10} {'50 backups':>12} {backups:>10} backups {'ratio':>7}")
    for name, base in baseline.items():
        print(f"{name:32} {base:10.2f} ms {scaled[name]:14.2f} ms {scaled[name] / base:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backups", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--creations", type=int, default=10)
    parser.add_argument("--s3", action="store_true", help="measure through an S3 store (moto) instead")
    options = parser.parse_args()
    if options.s3:
        main_s3(options.backups, min(options.requests, 20))
        return
    baseline = measure(50, options.requests, options.creations)
    scaled = measure(options.backups, options.requests, options.creations)
    print(f"{'':32} {'50 backups':>12} {options.backups:>10} backups {'ratio':>7}")
    for name, base in baseline.items():
        ratio = scaled[name] / base
        verdict = "ok" if ratio <= 2 else "OVER 2x"
        print(f"{name:32} {base:10.2f} ms {scaled[name]:14.2f} ms {ratio:7.2f}  {verdict}")


if __name__ == "__main__":
    main()
