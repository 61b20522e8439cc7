"""Import time of the generated client against `import httpx`, each in a fresh interpreter.

Three statements (and, for information, the modules of a first call), each timed inside a new
`python -I` process (so only the import is timed, not the interpreter's start), one of each in
turn, 15 runs; the medians and their ratios to httpx are printed. The client is lazy:
`import backup_api_client` loads only its exceptions; the next line also makes the client usable
(that imports httpx). Target: both at most 1.25 x httpx.

    uv run python benchmarks/client_import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

TARGET = 1.25
STATEMENTS = {
    "import httpx": "import httpx",
    "import backup_api_client": "import backup_api_client",
    "... and its client": "import backup_api_client; backup_api_client.BackupApiClient",
}
# For information, not held to the target: what the first `client.backup.get` adds (attrs, models).
FIRST_CALL = {
    "... and get's modules": "import backup_api_client.client, backup_api_client.api.backup."
    "backup_specific_backup_snapshot",
}
PROBE = "import time; started = time.perf_counter(); {statement}; print(time.perf_counter() - started)"


def time_import(statement: str) -> float:
    completed = subprocess.run(
        [sys.executable, "-I", "-c", PROBE.format(statement=statement)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(completed.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    arguments = parser.parse_args(argv)

    statements = {**STATEMENTS, **FIRST_CALL}
    seconds: dict[str, list[float]] = {name: [] for name in statements}
    for statement in statements.values():  # warm the file system cache and .pyc files
        time_import(statement)
    for _ in range(arguments.runs):
        for name, statement in statements.items():
            seconds[name].append(time_import(statement))

    baseline = statistics.median(seconds["import httpx"])
    for name, values in seconds.items():
        median = statistics.median(values)
        note = "  (information)" if name in FIRST_CALL else ""
        print(f"{name:28} {median * 1000:7.1f} ms  ratio {median / baseline:.2f}{note}")
    worst = max(statistics.median(seconds[name]) for name in STATEMENTS) / baseline
    print(f"ratio: {worst:.2f} (target <= {TARGET:.2f}: {'met' if worst <= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
