"""Peak RSS of creating and restoring a backup of the whole database at several sizes: it should stay
flat from 10,000 to 1,000,000 assets (~1 KB each; the 1,000,000-asset database is ~1.3 GB), as
both stream in batches. Times are printed beside each, with the same shell baselines as
`engine_100k.py` (`sqlite3 .backup | zstd -3 | sha256sum` for creation, `zstd -d -c | sha256sum`
for restoration), each phase in a fresh interpreter (`engine_100k.py`'s phases) and timed once:

    python benchmarks/engine_scale.py [--sizes 10000,100000,1000000] [--keep DIR]

Building the 1,000,000-asset database takes about half a minute; `--keep DIR` keeps each size's
data directory (`DIR/<size>`) and builds it only if it is not there yet.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from engine_100k import run_phase


def sizes(text: str) -> list[int]:
    return [int(size.replace("_", "")) for size in text.split(",") if size]


def measure(size: int, data_dir: Path) -> str:
    if not (data_dir / "assets.db").exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        run_phase("prepare", data_dir, str(size))
    megabytes = (data_dir / "assets.db").stat().st_size / 1e6
    print(f"{size:>9,} assets: {megabytes:.0f} MB database; measuring", flush=True)
    idle = run_phase("idle", data_dir)
    pipeline = run_phase("shell-pipeline", data_dir)
    created = run_phase("create", data_dir)
    unpacked = run_phase("zstd-sha256", data_dir, created["backup_id"])
    restored = run_phase("restore", data_dir, created["backup_id"])
    for path in data_dir.glob("*-copy.db*"):  # the baselines' copies: as large as the database
        path.unlink()
    create_ratio = created["seconds"] / pipeline["seconds"]
    restore_ratio = restored["seconds"] / unpacked["seconds"]
    return (
        f"{size:>9,} {megabytes:7.0f} {idle['peak_rss_mib']:7.1f} {created['peak_rss_mib']:7.1f}"
        f" {restored['peak_rss_mib']:7.1f} {created['seconds']:7.2f} {create_ratio:6.2f}"
        f" {restored['seconds']:7.2f} {restore_ratio:6.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes",
        type=sizes,
        default=[10_000, 100_000, 1_000_000],
        help="comma-separated numbers of assets (default: 10000,100000,1000000)",
    )
    parser.add_argument("--keep", type=Path, help="keep each size's data directory under this one")
    arguments = parser.parse_args()

    lines = []
    with tempfile.TemporaryDirectory(prefix="engine-scale-") as temporary:
        for size in arguments.sizes:
            data_dir = (arguments.keep or Path(temporary)) / str(size)
            lines.append(measure(size, data_dir))
    print()
    print("                  --- peak RSS (MiB) --  --- create ---  -- restore ---")
    print("   assets      MB    idle  create restore       s  ratio       s  ratio")
    print("\n".join(lines))
    print("ratios: create / (sqlite3 .backup; zstd -3; sha256sum), restore / (zstd -d -c | sha256sum)")


if __name__ == "__main__":
    main()
