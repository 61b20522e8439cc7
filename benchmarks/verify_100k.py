"""Verify a backup of 100,000 assets of about 1 KB each (checksum, decompress, decode every document,
count) and compare with what a user could run in a shell over the same archive instead:
`zstd -d -c archive | sha256sum` (the archive read once, decompressed and checksummed).

The database and backup are made as `engine_100k.py` makes them. Both measurements run in this
process against a warm page cache, alternating, and each is the fastest of `--runs`. Prints both
times and the throughput ratio verify / baseline (1.0: as fast; the issue asks for >= 0.8):

    python benchmarks/verify_100k.py [--assets N] [--runs R]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine_100k import API_VERSION, SERVER_SOURCE, make_document

sys.path.insert(0, str(SERVER_SOURCE))
from backup_api_server.engine import BackupEngine
from backup_api_server.engine.verification import verify_record


def baseline_seconds(archive: Path) -> float:
    started = time.perf_counter()
    subprocess.run(f"zstd -d -q -c '{archive}' | sha256sum", shell=True, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    generator = random.Random(20251127)
    with (
        tempfile.TemporaryDirectory(prefix="verify-100k-") as temporary,
        BackupEngine(Path(temporary), api_version=API_VERSION) as engine,
    ):
        for start in range(0, arguments.assets, 20_000):
            batch = range(start, min(start + 20_000, arguments.assets))
            engine.database.put_many([make_document(index, generator) for index in batch])
        backup_id = engine.start_creation(None)
        assert engine.wait_for_creation(backup_id).value == "COMPLETED"
        record = engine.store.read_record(backup_id)
        archive = Path(temporary) / "backups" / f"{backup_id}.jsonl.zst"
        never = threading.Event()
        verify_times, baseline_times = [], []
        for _ in range(arguments.runs):
            result = verify_record(record, engine.workspace, never)
            assert result.documents == arguments.assets
            verify_times.append(result.seconds)
            baseline_times.append(baseline_seconds(archive))
        verify, baseline = min(verify_times), min(baseline_times)
        size = archive.stat().st_size
        print(f"archive: {arguments.assets} documents, {size / 1e6:.1f} MB compressed")
        print(f"zstd -d -c | sha256sum:  {baseline:6.3f} s")
        print(f"engine verify:           {verify:6.3f} s  ({size / verify / 1e6:.0f} MB/s of archive)")
        print(f"throughput verify / baseline: {baseline / verify:.2f}")


if __name__ == "__main__":
    main()
