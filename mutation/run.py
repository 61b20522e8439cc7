"""Mutation testing of the storage layer and the engine's restore and cancel paths, with mutmut.

For maintainers, not part of the tests or of CI (README, "Mutation testing"):

    uv run python mutation/run.py            # the whole scope (20 to 40 minutes on 2 cores)
    uv run python mutation/run.py --summary  # the last run's score again, without running

Each mutant is run against the unit tests (`tests/unit`) that cover the mutated function. Results land
in `mutation/mutants/` (git-ignored); `cd mutation && uv run mutmut show NAME` prints a mutant's diff.
The configuration is `mutation/setup.cfg`. The score per module and every surviving mutant are
printed at the end; `mutation/survivors.md` says why each survivor we keep is kept.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = "backup_api_server"

# What is mutated: mutmut scopes by file (setup.cfg's only_mutate) and, on its command line, by
# mutant name (module, then `xǁClassǁmethod` or `x_function`).
SCOPE = [
    f"{PACKAGE}.storage.archive.*",
    f"{PACKAGE}.storage.archive_lines.*",
    f"{PACKAGE}.storage.assets.*",
    f"{PACKAGE}.storage.store.*",
    # Encryption as the archive path uses it (chunks, nonces, the key check); not the key file's
    # parsing and messages, which the CLI and serve's start-up read.
    f"{PACKAGE}.storage.encryption.x__nonce__mutmut_*",
    f"{PACKAGE}.storage.encryption.x_check_key__mutmut_*",
    f"{PACKAGE}.storage.encryption.xǁEncryptionKeyǁ__init____mutmut_*",
    f"{PACKAGE}.storage.encryption.xǁEncryptionKeyǁarchive_key__mutmut_*",
    f"{PACKAGE}.storage.encryption.xǁChunkEncryptorǁ*",
    f"{PACKAGE}.storage.encryption.xǁChunkDecryptorǁ*",
    f"{PACKAGE}.engine.restoration.*",
    # The cancel paths of the engine and its jobs.
    f"{PACKAGE}.engine.core.xǁBackupEngineǁcancel_creation__mutmut_*",
    f"{PACKAGE}.engine.core.xǁBackupEngineǁ_creation_ended_canceled__mutmut_*",
    f"{PACKAGE}.engine.core.xǁBackupEngineǁcancel_restoration__mutmut_*",
    f"{PACKAGE}.engine.core.xǁBackupEngineǁ_wait_until_canceled__mutmut_*",
    f"{PACKAGE}.engine.jobs.xǁJobǁrequest_stop__mutmut_*",
    f"{PACKAGE}.engine.jobs.xǁJobǁclaim__mutmut_*",
    f"{PACKAGE}.engine.jobs.xǁCreationsǁtake_back__mutmut_*",
    f"{PACKAGE}.engine.jobs.xǁRestorationHandleǁcancel__mutmut_*",
    # The Host rule (DNS rebinding) and the parsing of the header it reads; not the rest of the guard,
    # which only the server tests reach.
    f"{PACKAGE}.api.guard.x_host_name_is_allowed__mutmut_*",
    f"{PACKAGE}.api.guard.x__host_name__mutmut_*",
    f"{PACKAGE}.api.guard.x__is_port__mutmut_*",
    f"{PACKAGE}.api.guard.x__is_ip_literal__mutmut_*",
]


def in_scope(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in SCOPE)


def outcome(exit_code: int | None) -> str:
    """mutmut's own name for a mutant's exit code: killed, timeout, survived, no tests, ..."""
    from mutmut.stats import status_by_exit_code

    return str(status_by_exit_code[exit_code])


def summary() -> int:
    counts: dict[str, Counter[str]] = {}
    survivors: list[str] = []
    for meta in sorted((HERE / "mutants" / "src").rglob("*.py.meta")):
        for name, exit_code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if not in_scope(name):
                continue
            result = outcome(exit_code)
            module = name.split(".x", 1)[0].removeprefix(f"{PACKAGE}.")
            counts.setdefault(module, Counter())[result] += 1
            if result not in ("killed", "timeout"):
                survivors.append(f"{name}: {result}")
    if not counts:
        print("no results: run `uv run python mutation/run.py` first", file=sys.stderr)
        return 1
    print("\nkilled (a test failed or timed out) / total, per module:")
    for module, count in sorted(counts.items()):
        killed = count["killed"] + count["timeout"]
        total = sum(count.values())
        print(f"  {module:22} {killed:4}/{total:<4} {100 * killed / total:5.1f}%  {dict(count)}")
    print(f"\n{len(survivors)} not killed:")
    for line in survivors:
        print(f"  {line}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--summary", action="store_true", help="print the last run's score, run nothing")
    parser.add_argument("--max-children", type=int, help="parallel mutant runs (default: CPU count)")
    parser.add_argument("names", nargs="*", help="mutant names or globs within the scope (default: all)")
    arguments = parser.parse_args()
    if not arguments.summary:
        # Which tests cover which function is learnt again, so that tests added since count.
        (HERE / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
        command = [sys.executable, "-m", "mutmut", "run"]
        if arguments.max_children:
            command += ["--max-children", str(arguments.max_children)]
        # Named mutants are always run again (mutmut reuses earlier results only for unnamed ones).
        command += arguments.names or SCOPE
        subprocess.run(command, cwd=HERE, check=False)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
