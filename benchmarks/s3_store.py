"""Create and restore a backup of 100,000 assets through an S3-compatible object store (moto's server
on 127.0.0.1, in a process of its own) and through the local directory store, side by side.

Prints, for each store, the time and the peak RSS of the engine process of each phase (and of an
idle engine whose store answered one request: for S3, boto3's own ~28 MiB), then the S3 to local
ratios and the differences in peak RSS, which stay flat in the archive's size: archives are streamed
to and from the object store one part (`settings.S3_PART_BYTES`) at a time, never held whole.

    python benchmarks/s3_store.py [--assets N] [--runs 3] [--keep DIR]

Each measurement runs in a fresh interpreter, so its peak RSS is its own; the fastest of `--runs`
runs of each is shown (one run of about a second is noisy on a shared machine). Loopback hides the
network: against a real bucket, time is bound by the link's bandwidth, memory is not.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from engine_100k import API_VERSION, SERVER_SOURCE, peak_rss_mib, run_phase  # noqa: E402

BUCKET = "benchmark-backups"
# moto accepts any credentials; these keep the user's own AWS set-up out of the measurement.
S3_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "benchmark",
    "AWS_SECRET_ACCESS_KEY": "benchmark",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
}
SERVER_START_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_moto() -> tuple[subprocess.Popen[bytes], str]:
    """moto's S3 server in its own process, so the objects it keeps in memory are not ours."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from moto.server import main; main()", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1):
                return process, endpoint
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise SystemExit("moto's S3 server did not start") from None
            time.sleep(0.2)


def child(phase: str, data_dir: Path, argument: str) -> dict[str, Any]:
    """Runs in a fresh interpreter: `argument` is `<store URL or "local">|<backup id>`."""
    sys.path.insert(0, str(SERVER_SOURCE))
    from backup_api_server.engine import BackupEngine
    from backup_api_server.storage.selection import open_store

    location, _, backup_id = argument.partition("|")
    store = open_store(None if location == "local" else location, data_dir)
    with BackupEngine(data_dir, api_version=API_VERSION, store=store) as engine:
        started = time.perf_counter()
        if phase == "idle":
            # The store's client made and one request answered: the libraries' own memory.
            engine.store.list_ids()
            return {"seconds": time.perf_counter() - started}
        if phase == "create":
            backup_id = engine.start_creation(None)
            status = engine.wait_for_creation(backup_id)
            seconds = time.perf_counter() - started
            if status.value != "COMPLETED" or status.backup is None:
                raise SystemExit(f"creation ended {status.value}")
            return {"seconds": seconds, "backup_id": backup_id, "archive_bytes": status.backup.bytes}
        if phase == "restore":
            engine.restore(backup_id)
            seconds = time.perf_counter() - started
            return {"seconds": seconds, "documents": engine.database.count()}
    raise SystemExit(f"unknown phase {phase}")


def fastest(phase: str, data_dir: Path, argument: str, runs: int) -> dict[str, Any]:
    return min(
        (run_phase(phase, data_dir, argument, __file__) for _ in range(runs)),
        key=lambda result: float(result["seconds"]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="use (and keep) this directory instead of a temporary one")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--argument", default="", help=argparse.SUPPRESS)
    arguments = parser.parse_args()

    if arguments.phase:
        result = child(arguments.phase, arguments.data_dir, arguments.argument)
        result["peak_rss_mib"] = round(peak_rss_mib(), 1)
        print(json.dumps(result))
        return

    os.environ.update(S3_ENVIRONMENT)
    moto, endpoint = start_moto()
    try:
        os.environ["AWS_ENDPOINT_URL"] = endpoint
        import boto3

        boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
        with tempfile.TemporaryDirectory(prefix="s3-store-") as temporary:
            data_dir = arguments.keep or Path(temporary)
            prepared = run_phase("prepare", data_dir, str(arguments.assets))
            print(f"database: {prepared['documents']} documents, {prepared['database_bytes'] / 1e6:.1f} MB")
            results: dict[str, dict[str, dict[str, Any]]] = {}
            for store in ("local", f"s3://{BUCKET}/backups"):
                idle = run_phase("idle", data_dir, f"{store}|", __file__)
                created = fastest("create", data_dir, f"{store}|", arguments.runs)
                restored = fastest("restore", data_dir, f"{store}|{created['backup_id']}", arguments.runs)
                results[store] = {"idle": idle, "create": created, "restore": restored}
                for phase, result in (("idle", idle), ("create", created), ("restore", restored)):
                    print(
                        f"{store:28} {phase:8} {result['seconds']:6.2f} s, "
                        f"peak RSS {result['peak_rss_mib']:6.1f} MiB"
                    )
            local, s3 = results["local"], results[f"s3://{BUCKET}/backups"]
            print(f"archive: {s3['create']['archive_bytes'] / 1e6:.1f} MB, {endpoint} (moto, loopback)")
            for phase in ("create", "restore"):
                ratio = s3[phase]["seconds"] / local[phase]["seconds"]
                extra = s3[phase]["peak_rss_mib"] - local[phase]["peak_rss_mib"]
                over_idle = [
                    result[phase]["peak_rss_mib"] - result["idle"]["peak_rss_mib"] for result in (local, s3)
                ]
                print(
                    f"ratio {phase} S3 / local: {ratio:.2f}; peak RSS S3 - local: {extra:+.1f} MiB "
                    f"(over each one's idle process: local {over_idle[0]:+.1f}, S3 {over_idle[1]:+.1f} MiB)"
                )
    finally:
        moto.terminate()
        moto.wait(timeout=10)


if __name__ == "__main__":
    main()
