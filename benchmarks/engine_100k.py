"""Create and restore a backup of 100,000 assets of about 1 KB each; compare with SQLite's own backup
and with what a user could run in a shell instead: `sqlite3 .backup` -> `zstd -3` -> `sha256sum` to
create, `zstd -d -c archive | sha256sum` (read the archive back, whole, and checksum it) to restore.

Each measurement runs in a fresh interpreter so its peak RSS is its own. Creation runs twice: with
the archive's zstd worker threads (`archive.COMPRESSION_THREADS`) and with none. Every timing is the
fastest of three runs (one run of under a second is noisy on a shared machine). Prints one line per
phase and the engine-to-baseline time ratios:

    python benchmarks/engine_100k.py [--assets N] [--keep DIR]

`benchmarks/engine_scale.py` runs the same phases at several sizes and prints their peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SERVER_SOURCE = Path(__file__).resolve().parent.parent / "server"
API_VERSION = "1.0.0"
VOCABULARY = (
    "def class return import lambda yield async await snippet asset format fragment value string raw "
    "select from where join order group limit offset insert update delete create table index view"
)
WORDS = VOCABULARY.split()


def make_document(index: int, generator: random.Random) -> dict[str, Any]:
    """A ~1 KB asset document: declared fields, an unknown nested one, and code-like text."""
    # 140 words drawn from 40 (`randbytes`: one call, not 140, so a million documents take seconds).
    code = " ".join([WORDS[byte % len(WORDS)] for byte in generator.randbytes(140)])
    return {
        "id": f"asset-{index:07d}",
        "name": f"Snippet {index}",
        "created": {"value": "2025-11-27T15:08:03.123456Z", "readable": "27 November 2025"},
        "mechanism": "MANUAL",
        "formats": {"iterable": [{"id": f"format-{index}", "fragment": {"string": {"raw": code}}}]},
        "x-client": {"tags": [generator.randrange(1000) for _ in range(5)], "score": generator.random()},
    }


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_phase(phase: str, data_dir: Path, argument: str = "", script: str = __file__) -> dict[str, Any]:
    """Run one phase of `script` (this one by default) in a fresh interpreter; returns what it
    printed (seconds, peak RSS, ...)."""
    command = [
        sys.executable,
        script,
        "--phase",
        phase,
        "--data-dir",
        str(data_dir),
        "--argument",
        argument,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"phase {phase} ({argument}) failed:\n{completed.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def child(phase: str, data_dir: Path, argument: str) -> dict[str, Any]:
    sys.path.insert(0, str(SERVER_SOURCE))
    from backup_api_server.engine import BackupEngine

    if phase == "prepare":
        count = int(argument)
        generator = random.Random(20251127)
        with BackupEngine(data_dir, api_version=API_VERSION) as engine:
            # Through the engine, so the database is one it makes; 20,000 documents a transaction.
            for start in range(0, count, 20_000):
                batch = range(start, min(start + 20_000, count))
                engine.database.put_many([make_document(index, generator) for index in batch])
        # Measured once closed: closing moves what the write-ahead log still holds into the file.
        return {"documents": count, "database_bytes": (data_dir / "assets.db").stat().st_size}
    if phase == "idle":
        with BackupEngine(data_dir, api_version=API_VERSION) as engine:
            engine.database.count()
        return {"seconds": 0.0}
    if phase == "create":
        from backup_api_server.storage import archive

        if argument:
            archive.COMPRESSION_THREADS = int(argument)
        with BackupEngine(data_dir, api_version=API_VERSION) as engine:
            started = time.perf_counter()
            backup_id = engine.start_creation(None)
            status = engine.wait_for_creation(backup_id)
            seconds = time.perf_counter() - started
            assert status.value == "COMPLETED", status
        return {
            "seconds": seconds,
            "backup_id": backup_id,
            "archive_bytes": status.backup.bytes,
            "threads": archive.COMPRESSION_THREADS,
        }
    if phase == "restore":
        with BackupEngine(data_dir, api_version=API_VERSION) as engine:
            started = time.perf_counter()
            engine.restore(argument)
            seconds = time.perf_counter() - started
            count = engine.database.count()
        return {"seconds": seconds, "documents": count}
    if phase == "sqlite-backup":
        destination_path = data_dir / "baseline-copy.db"
        destination_path.unlink(missing_ok=True)
        started = time.perf_counter()
        source = sqlite3.connect(data_dir / "assets.db")
        destination = sqlite3.connect(destination_path)
        source.backup(destination)
        destination.close()
        source.close()
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "copy_bytes": destination_path.stat().st_size}
    if phase == "shell-pipeline":
        copy = data_dir / "pipeline-copy.db"
        for path in (copy, copy.with_suffix(".db.zst")):
            path.unlink(missing_ok=True)
        started = time.perf_counter()
        subprocess.run(["sqlite3", str(data_dir / "assets.db"), f".backup '{copy}'"], check=True)
        subprocess.run(["zstd", "-3", "-q", str(copy), "-o", str(copy.with_suffix(".db.zst"))], check=True)
        subprocess.run(["sha256sum", str(copy.with_suffix(".db.zst"))], check=True, capture_output=True)
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "archive_bytes": copy.with_suffix(".db.zst").stat().st_size}
    if phase == "zstd-sha256":
        archive_path = data_dir / "backups" / f"{argument}.jsonl.zst"
        started = time.perf_counter()
        subprocess.run(
            f"zstd -d -q -c '{archive_path}' | sha256sum", shell=True, check=True, capture_output=True
        )
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "archive_bytes": archive_path.stat().st_size}
    raise SystemExit(f"unknown phase {phase}")


def fastest(measure: Any, runs: int = 3) -> dict[str, Any]:
    results: list[dict[str, Any]] = [measure() for _ in range(runs)]
    return min(results, key=lambda result: float(result["seconds"]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--assets", type=int, default=100_000)
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

    with tempfile.TemporaryDirectory(prefix="engine-100k-") as temporary:
        data_dir = arguments.keep or Path(temporary)
        prepared = run_phase("prepare", data_dir, str(arguments.assets))
        print(f"database: {prepared['documents']} documents, {prepared['database_bytes'] / 1e6:.1f} MB")
        idle = run_phase("idle", data_dir)
        baseline = fastest(lambda: run_phase("sqlite-backup", data_dir))
        pipeline = fastest(lambda: run_phase("shell-pipeline", data_dir))
        single = fastest(lambda: run_phase("create", data_dir, "0"))
        created = fastest(lambda: run_phase("create", data_dir))
        unpacked = fastest(lambda: run_phase("zstd-sha256", data_dir, created["backup_id"]))
        restored = fastest(lambda: run_phase("restore", data_dir, created["backup_id"]))
        rows = [
            ("idle engine process", idle, ""),
            ("sqlite3 Connection.backup", baseline, ""),
            ("sqlite3|zstd -3|sha256sum", pipeline, f", archive {pipeline['archive_bytes'] / 1e6:.1f} MB"),
            ("engine create, 0 threads", single, f", archive {single['archive_bytes'] / 1e6:.1f} MB"),
            (
                f"engine create, {created['threads']} threads",
                created,
                f", archive {created['archive_bytes'] / 1e6:.1f} MB",
            ),
            ("zstd -d -c | sha256sum", unpacked, f", archive {unpacked['archive_bytes'] / 1e6:.1f} MB"),
            ("engine restore", restored, f", {restored['documents']} documents"),
        ]
        for label, result, extra in rows:
            timing = f"{result['seconds']:6.2f} s, peak RSS {result['peak_rss_mib']:6.1f} MiB"
            print(f"{label + ':':27}{timing}{extra}")
        print(f"ratio create / baseline:  {created['seconds'] / baseline['seconds']:.2f}")
        print(f"ratio create / shell pipeline:  {created['seconds'] / pipeline['seconds']:.2f}")
        print(f"ratio create 0 threads / shell pipeline:  {single['seconds'] / pipeline['seconds']:.2f}")
        print(f"ratio restore / baseline: {restored['seconds'] / baseline['seconds']:.2f}")
        print(f"ratio restore / zstd -d -c | sha256sum:  {restored['seconds'] / unpacked['seconds']:.2f}")


if __name__ == "__main__":
    main()
