"""The streamed restore against the plain one: total time, and the time to the first event.

Both restore the same backup of a large database on the reference server, alternated, several
rounds; prints the medians and the ratio streamed / plain (target: at most 1.05), and the median
time from sending the request to receiving the first event (the server's target: 100 ms).

    uv run python benchmarks/restore_stream.py [--assets 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time

import httpx
from _reference import create_backup, reference_server, wait_for_creation

from backup_api_client import BackupApiClient
from backup_api_client.models import BackupStatusEnum

TARGET = 1.05


def plain_restore(client: BackupApiClient, backup_id: str) -> float:
    started = time.perf_counter()
    client.backup.restore(backup_id)
    return time.perf_counter() - started


def streamed_restore(client: BackupApiClient, backup_id: str) -> tuple[float, float]:
    """(total seconds, seconds to the first event)."""
    started = time.perf_counter()
    first = None
    with client.backup.restore_stream(backup_id) as events:
        for progress in events:
            if first is None:
                first = time.perf_counter() - started
            last = progress
    total = time.perf_counter() - started
    assert last.status == BackupStatusEnum.COMPLETED and first is not None
    return total, first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args(argv)

    with reference_server(arguments.assets) as live:
        with httpx.Client(base_url=live.url, timeout=120) as http:
            backup_id = create_backup(http, None)
            wait_for_creation(http, backup_id, timeout=300)
        plain: list[float] = []
        streamed: list[float] = []
        first_events: list[float] = []
        with BackupApiClient(live.url, timeout=300) as client:
            plain_restore(client, backup_id)  # warm up: caches, page cache, imports
            for round_number in range(arguments.rounds):
                order = ("plain", "streamed") if round_number % 2 == 0 else ("streamed", "plain")
                for kind in order:
                    if kind == "plain":
                        plain.append(plain_restore(client, backup_id))
                    else:
                        total, first = streamed_restore(client, backup_id)
                        streamed.append(total)
                        first_events.append(first)

    plain_median, streamed_median = statistics.median(plain), statistics.median(streamed)
    ratio = streamed_median / plain_median
    print(f"backup of {arguments.assets} assets, {arguments.rounds} rounds, alternated")
    print(f"plain restore:      {plain_median:.3f} s (median)")
    print(f"streamed restore:   {streamed_median:.3f} s (median)")
    print(f"first event after:  {statistics.median(first_events) * 1000:.1f} ms (median)")
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"ratio streamed / plain: {ratio:.3f} (target <= {TARGET:.2f}: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
