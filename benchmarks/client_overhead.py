"""Per-call overhead of the generated client: `client.backup.get(id)` against a raw `httpx.Client.get`.

Both ask the same local server for the same backup, 300 calls each per round, alternated (ABBA),
5 rounds; the ratio of the medians of the per-call means is printed (target: at most 1.10). The
client's call includes what the raw one skips: building the request from the spec, the retry loop,
status checks and parsing the JSON into the `Backup` model.

The server: the reference server (`backup-api serve`) on a free port, holding one backup made for
the run; `--url http://127.0.0.1:<port> --backup-id <id>` measures against a running server instead.

    uv run python benchmarks/client_overhead.py [--rounds 5] [--calls 300]
"""

from __future__ import annotations

import argparse
import statistics
import time

import httpx
from _reference import asset_documents, create_backup, reference_server, wait_for_creation

from backup_api_client import BackupApiClient

TARGET = 1.10


def measure(url: str, backup_id: str, rounds: int, calls: int) -> tuple[list[float], list[float]]:
    """Per-call mean seconds of each round: (client, raw)."""
    client_means: list[float] = []
    raw_means: list[float] = []
    clock = time.perf_counter
    with BackupApiClient(url) as client, httpx.Client(base_url=url) as raw:
        path = f"/backup/{backup_id}"
        for _ in range(50):  # warm up: connections, imports, caches
            client.backup.get(backup_id)
            raw.get(path).raise_for_status()
        for _ in range(rounds):
            client_total = raw_total = 0.0
            # ABBA order (client, raw, raw, client, ...): each kind follows each kind equally
            # often, so neither profits more from the server having finished its previous answer.
            for call in range(calls):
                for kind in ("client", "raw") if call % 2 == 0 else ("raw", "client"):
                    started = clock()
                    if kind == "client":
                        client.backup.get(backup_id)
                        client_total += clock() - started
                    else:
                        raw.get(path)
                        raw_total += clock() - started
            client_means.append(client_total / calls)
            raw_means.append(raw_total / calls)
    return client_means, raw_means


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--url", help="a running server to use instead of starting one")
    parser.add_argument("--backup-id", help="with --url: a backup that server holds")
    arguments = parser.parse_args(argv)

    rounds, calls = arguments.rounds, arguments.calls
    if arguments.url:
        client_means, raw_means = measure(arguments.url, arguments.backup_id, rounds, calls)
    else:
        with reference_server() as live, httpx.Client(base_url=live.url) as http:
            backup_id = create_backup(http, asset_documents(10))
            wait_for_creation(http, backup_id)
            client_means, raw_means = measure(live.url, backup_id, rounds, calls)

    client_median = statistics.median(client_means)
    raw_median = statistics.median(raw_means)
    ratio = client_median / raw_median
    print(f"client.backup.get(id): {client_median * 1e6:8.1f} µs per call (median of {rounds} rounds)")
    print(f"httpx.Client.get:      {raw_median * 1e6:8.1f} µs per call")
    print(f"overhead: {(client_median - raw_median) * 1e6:.1f} µs per call")
    print(f"ratio: {ratio:.3f} (target <= {TARGET:.2f}: {'met' if ratio <= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
