"""`./dev` sets itself up where pip may not touch the system Python (PEP 668, Debian and Ubuntu).

Each test runs the bootstrap as a newcomer would: an empty home directory, only `/usr/bin:/bin` on
`PATH`, and the distribution's `/usr/bin/python3` as the only Python. The pinned uv must end up in
the user's cache, runnable, and the system interpreter must be left exactly as it was.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ._support import REPO, output_of

SYSTEM_PYTHON = Path("/usr/bin/python3")
DEV = REPO / "dev"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="./dev is a POSIX shell script"),
    pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason=f"no distribution Python at {SYSTEM_PYTHON}"),
]


def pinned_uv_version() -> str:
    match = re.search(r"^UV_VERSION=(\S+)$", DEV.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, "./dev names no UV_VERSION"
    return match.group(1)


def system_python_has_uv() -> bool:
    completed = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import importlib.util, sys; sys.exit(importlib.util.find_spec('uv') is None)"],
        capture_output=True,
        check=False,
    )
    return completed.returncode == 0


def newcomer_env(home: Path, path: str = "/usr/bin:/bin") -> dict[str, str]:
    # The rest of the environment stays: proxies and CA bundles are the machine's, not the user's.
    env = {key: value for key, value in os.environ.items() if not key.startswith(("UV_", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), PATH=path, XDG_CACHE_HOME=str(home / ".cache"))
    env.pop("BACKUP_API_UV_HOME", None)
    return env


def run_dev(env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/bash", str(DEV), *arguments], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    if Path("/usr/bin/uv").exists() or Path("/bin/uv").exists():
        pytest.skip("a system-wide uv is on /usr/bin: the bootstrap would not run")
    home = tmp_path / "home"
    home.mkdir()
    return home


def private_uv(home: Path) -> Path:
    return home / ".cache" / "backup-api" / f"uv-{pinned_uv_version()}" / "bin" / "uv"


def test_bootstrap_installs_the_pinned_uv_privately(home: Path) -> None:
    had_uv = system_python_has_uv()
    env = newcomer_env(home)

    first = run_dev(env, "uv", "--version")
    second = run_dev(env, "uv", "--version")

    version = pinned_uv_version()
    assert first.returncode == 0, output_of(first)
    assert first.stdout.startswith(f"uv {version} "), output_of(first)
    assert f"installing uv {version}" in first.stderr
    assert private_uv(home).exists()
    # Installed once: the second run finds it and says nothing.
    assert second.returncode == 0 and second.stdout == first.stdout, output_of(second)
    assert "installing" not in second.stderr
    assert system_python_has_uv() == had_uv, "the bootstrap changed the system Python"


def test_bootstrap_without_the_venv_module_uses_a_private_target(home: Path, tmp_path: Path) -> None:
    # Debian without python3-venv: `python3 -m venv` fails, pip is there.
    shims = tmp_path / "shims"
    shims.mkdir()
    python3 = shims / "python3"
    python3.write_text(
        f'#!/bin/sh\nif [ "$1" = "-m" ] && [ "$2" = "venv" ]; then\n'
        f'  echo "The virtual environment was not created successfully" >&2; exit 1\nfi\n'
        f'exec {SYSTEM_PYTHON} "$@"\n',
        encoding="utf-8",
    )
    python3.chmod(python3.stat().st_mode | stat.S_IXUSR)
    if subprocess.run([SYSTEM_PYTHON, "-m", "pip", "--version"], capture_output=True, check=False).returncode:
        pytest.skip(f"{SYSTEM_PYTHON} has no pip")

    completed = run_dev(newcomer_env(home, f"{shims}:/usr/bin:/bin"), "uv", "--version")

    assert completed.returncode == 0, output_of(completed)
    assert completed.stdout.startswith(f"uv {pinned_uv_version()} "), output_of(completed)
    assert private_uv(home).resolve().is_relative_to(private_uv(home).parents[1] / "target")


def test_bootstrap_without_venv_or_pip_says_what_to_install(home: Path, tmp_path: Path) -> None:
    shims = tmp_path / "shims"
    shims.mkdir()
    python3 = shims / "python3"
    python3.write_text('#!/bin/sh\n[ "$1" = "-m" ] && exit 1\nexec /usr/bin/python3 "$@"\n', encoding="utf-8")
    python3.chmod(python3.stat().st_mode | stat.S_IXUSR)

    completed = run_dev(newcomer_env(home, f"{shims}:/usr/bin:/bin"), "uv", "--version")

    assert completed.returncode == 1
    assert completed.stderr.strip().splitlines()[-1] == (
        "./dev: python3 has neither venv nor pip; install one (Debian/Ubuntu: apt install python3-venv)"
    )
    assert "Traceback" not in completed.stderr
