"""The root project installs as a command: `uv tool install` of its wheel (with the client's, as a
package index would serve them) gives a working `backup-api` — `serve` and the client commands — in a
fresh environment, and no console script that cannot import (the codegen driver is dev-only)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.support.terminal import plain_text_env

from ._support import CLIENT_PROJECT, REPO, output_of, run
from .test_client_package import uv

pytestmark = pytest.mark.slow

SERVING = re.compile(r"serving (http://127\.0\.0\.1:\d+)")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The bin directory `uv tool install` filled, and the environment to run its commands in."""
    root = tmp_path_factory.mktemp("tool")
    wheels = root / "wheels"
    for project in (REPO, CLIENT_PROJECT):
        built = run([uv(), "build", "--no-config", "--wheel", "--out-dir", wheels, project], cwd=REPO)
        assert built.returncode == 0, output_of(built)
    env = {
        **os.environ,
        "UV_TOOL_DIR": str(root / "tools"),
        "UV_TOOL_BIN_DIR": str(root / "bin"),
        "HOME": str(root / "home"),
        "UV_CACHE_DIR": os.environ.get("UV_CACHE_DIR", str(Path.home() / ".cache" / "uv")),
    }
    env.pop("VIRTUAL_ENV", None)
    (wheels_of_root,) = wheels.glob("backup_api-*.whl")
    completed = subprocess.run(
        [uv(), "tool", "install", "--no-config", "--find-links", str(wheels), str(wheels_of_root)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, output_of(completed)
    return root / "bin", env


def test_only_working_commands_are_installed(installed: tuple[Path, dict[str, str]]) -> None:
    bin_dir, env = installed
    assert sorted(path.name for path in bin_dir.iterdir()) == ["backup-api"]
    helped = subprocess.run(
        [bin_dir / "backup-api", "--help"],
        env=plain_text_env(base=env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert helped.returncode == 0, output_of(helped)
    for command in ("serve", "backup", "backups", "restore", "status", "cancel"):
        assert command in helped.stdout


def test_the_installed_command_serves_and_talks_to_its_server(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, env = installed
    command = bin_dir / "backup-api"
    server = subprocess.Popen(
        [command, "serve", "--port", "0", "--data-dir", str(tmp_path / "data"), "--log-level", "warning"],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stderr is not None
        first_line = server.stderr.readline()
        serving = SERVING.search(first_line)
        assert serving, first_line
        url = serving.group(1)
        created = subprocess.run(
            [command, "backup", "create", "--url", url], env=env, capture_output=True, text=True, timeout=120
        )
        listed = subprocess.run(
            [command, "backups", "list", "--url", url, "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.terminate()
        server.wait(30)
    assert created.returncode == 0, output_of(created)
    assert listed.returncode == 0, output_of(listed)
    assert listed.stdout.count('"id"') == 1
