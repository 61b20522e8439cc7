"""The client consumed as a published package, for real.

A pypiserver on 127.0.0.1 (a free port, stopped by the test) receives the client's sdist and wheel
through `uv publish`; a fresh virtual environment installs `backup-api-client==<spec version>` from
that index only (`--index-url`, fallback to PyPI off, the repository nowhere on the path) and runs the
package README's first example against a live server. Then a second version, bumped and regenerated
in a temporary copy of the repository, is published on top, and `pip install -U` takes it.

The index also holds the client's dependencies at the versions uv.lock pins (fetched once with
`pip download`, the only step that needs the package registry), so nothing else is on the path.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from backup_api_codegen import server_distribution
from backup_api_codegen.driver import generate
from tests.support.live_server import running_server

from ._support import CLIENT_PROJECT, REPO, copy_files, output_of, run, spec_version, tool
from .test_client_package import uv

pytestmark = pytest.mark.slow

DISTRIBUTION = "backup-api-client"
PACKAGE = "backup_api_client"
# Neither the user's pip configuration nor the environment's may add an index or a path.
ISOLATED_PIP = {"PIP_CONFIG_FILE": "/dev/null", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONNOUSERSITE": "1"}
STARTUP_SECONDS = 20.0
# Uploads without authentication (`-a . -P .`); no redirect to PyPI for a name the index lacks.
OPEN = ("--authenticate", ".", "--passwords", ".", "--disable-fallback")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def pypiserver(packages: Path, log: Path) -> Iterator[str]:
    """`pypi-server run` on 127.0.0.1, uploads without authentication, no fallback to PyPI."""
    for _attempt in range(3):  # another process may take the free port before the server binds it
        port = free_port()
        with log.open("w") as output:
            process = subprocess.Popen(
                [
                    tool("pypi-server"),
                    "run",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    *OPEN,
                    str(packages),
                ],
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}"
        try:
            if wait_until_serving(f"{url}/health", process):
                yield url
                return
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
    pytest.fail(f"pypiserver did not start:\n{log.read_text()}")


def wait_until_serving(url: str, process: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return True
        except httpx.TransportError:
            time.sleep(0.1)
    return False


def build(project: Path, out: Path) -> list[Path]:
    completed = run([uv(), "build", "--no-config", "--out-dir", out, project], cwd=REPO)
    assert completed.returncode == 0, output_of(completed)
    built = sorted(out.glob(f"{PACKAGE}-*"))
    assert sorted(path.suffix for path in built) == [".gz", ".whl"], built
    return built


def publish(index: str, files: list[Path]) -> None:
    credentials: list[str | Path] = [
        "--username",
        "anonymous",
        "--password",
        "none",
        "--trusted-publishing",
        "never",
    ]
    command = [uv(), "publish", "--no-config", "--publish-url", f"{index}/", *credentials, *files]
    completed = run(command, cwd=REPO)
    assert completed.returncode == 0, output_of(completed)


def add_dependencies(packages: Path, scratch: Path) -> None:
    """Wheels of the client's dependencies, at uv.lock's versions, into the index's folder."""
    requirements = scratch / "requirements.txt"
    selection = ["--package", DISTRIBUTION, "--no-emit-workspace", "--no-dev", "--no-hashes"]
    output: list[str | Path] = ["--format", "requirements.txt", "--output-file", requirements]
    exported = run([uv(), "export", "--frozen", *selection, *output], cwd=REPO)
    assert exported.returncode == 0, output_of(exported)
    wheels: list[str | Path] = [
        "--no-deps",
        "--only-binary=:all:",
        "--dest",
        packages,
        "--requirement",
        requirements,
    ]
    downloaded = run([sys.executable, "-m", "pip", "download", "--quiet", *wheels], cwd=scratch, timeout=300)
    assert downloaded.returncode == 0, output_of(downloaded)


def readme_example(project: Path, url: str) -> str:
    text = (project / "README.md").read_text(encoding="utf-8")
    blocks: list[str] = re.findall(r"```python\n(.*?)```", text, re.S)
    # The example names no server (the client's default, or BACKUP_API_BASE_URL): point it at `url`.
    assert "BackupApiClient()" in blocks[0]
    return blocks[0].replace("BackupApiClient()", f'BackupApiClient(base_url="{url}")', 1)


def installed(python: Path, cwd: Path) -> dict[str, str]:
    probe = (
        f"import importlib.metadata, {PACKAGE}; "
        f"print({PACKAGE}.__version__, importlib.metadata.version('{DISTRIBUTION}'), {PACKAGE}.__file__)"
    )
    completed = run([python, "-I", "-c", probe], cwd=cwd)
    assert completed.returncode == 0, output_of(completed)
    version, metadata_version, file = completed.stdout.split()
    return {"version": version, "metadata_version": metadata_version, "file": file}


def test_published_client_installs_from_the_index_runs_and_upgrades(tmp_path: Path) -> None:
    version = spec_version()
    packages = tmp_path / "index"
    packages.mkdir()
    add_dependencies(packages, tmp_path)
    venv = tmp_path / "venv"
    created = run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    assert created.returncode == 0, output_of(created)
    python = venv / "bin" / "python"
    workdir = tmp_path / "elsewhere"  # not the repository: nothing of it is importable from here
    workdir.mkdir()

    with pypiserver(packages, tmp_path / "pypiserver.log") as index:
        publish(index, build(CLIENT_PROJECT, tmp_path / "dist-1"))
        listing = httpx.get(f"{index}/simple/{DISTRIBUTION}/", timeout=10).text
        assert f"{PACKAGE}-{version}.tar.gz" in listing and f"{PACKAGE}-{version}-py3-none-any.whl" in listing

        pip: list[str | Path] = [
            python,
            "-m",
            "pip",
            "install",
            "--no-cache-dir",
            "--index-url",
            f"{index}/simple/",
        ]
        first = run([*pip, f"{DISTRIBUTION}=={version}"], cwd=workdir, env=ISOLATED_PIP, timeout=300)
        assert first.returncode == 0, output_of(first)
        assert f"{index}/packages/{PACKAGE}-{version}-py3-none-any.whl" in first.stdout, first.stdout
        facts = installed(python, workdir)
        assert facts["version"] == facts["metadata_version"] == version
        assert Path(facts["file"]).is_relative_to(venv)

        with running_server(tmp_path / "data") as live:
            example = run([python, "-I", "-c", readme_example(CLIENT_PROJECT, live.url)], cwd=workdir)
            assert example.returncode == 0, output_of(example)
            assert example.stdout.split()[0].startswith(f"{version}_"), example.stdout

            # The next version: bumped and regenerated in a copy, published on top of the first.
            copy = tmp_path / "repo"
            for name in ("spec", "codegen", "templates", "overrides", "generated"):
                copy_files(REPO / name, copy / name)
            spec = copy / "spec" / "backup-api.yaml"
            major, minor, _ = version.split(".")
            bumped = f"{major}.{int(minor) + 1}.0"
            text = spec.read_text(encoding="utf-8")
            old_line = f"info:\n  title: Backup API\n  version: {version}\n"
            assert text.count(old_line) == 1
            spec.write_text(text.replace(old_line, old_line.replace(version, bumped)), encoding="utf-8")
            generate(copy)
            publish(index, build(copy / "generated" / DISTRIBUTION, tmp_path / "dist-2"))

            upgrade = run([*pip, "-U", DISTRIBUTION], cwd=workdir, env=ISOLATED_PIP, timeout=300)
            assert upgrade.returncode == 0, output_of(upgrade)
            assert f"Successfully installed {DISTRIBUTION}-{bumped}" in upgrade.stdout, upgrade.stdout
            facts = installed(python, workdir)
            assert facts["version"] == facts["metadata_version"] == bumped

            again = run(
                [python, "-I", "-c", readme_example(copy / "generated" / DISTRIBUTION, live.url)], cwd=workdir
            )
            assert again.returncode == 0, output_of(again)
            # The reference server still speaks 1.x: its identifiers carry its own version.
            assert again.stdout.split()[0].startswith(f"{version}_"), again.stdout


# --- the server and CLI, installed by name ---------------------------------------------------------

SERVER_DISTRIBUTION = "backup-api"
SERVING = re.compile(r"serving (http://127\.0\.0\.1:\d+)")


def add_server_dependencies(packages: Path, requirements: list[str], scratch: Path) -> None:
    """Wheels of everything the staged `backup-api` pins (uv.lock's versions) into the index's folder."""
    listed = scratch / "server-requirements.txt"
    listed.write_text("\n".join(requirements) + "\n", encoding="utf-8")
    wheels: list[str | Path] = [
        "--no-deps",
        "--only-binary=:all:",
        "--dest",
        packages,
        "--requirement",
        listed,
    ]
    downloaded = run([sys.executable, "-m", "pip", "download", "--quiet", *wheels], cwd=scratch, timeout=600)
    assert downloaded.returncode == 0, output_of(downloaded)


def tool_environment(scratch: Path) -> dict[str, str]:
    """`uv tool`'s environment: its tools, their commands and HOME under `scratch`, no uv
    configuration nor virtual environment of the caller's (only the test's index is used)."""
    return {
        **ISOLATED_PIP,
        "UV_TOOL_DIR": str(scratch / "tools"),
        "UV_TOOL_BIN_DIR": str(scratch / "bin"),
        "HOME": str(scratch / "home"),
        "UV_NO_CONFIG": "1",
        "VIRTUAL_ENV": "",
    }


def tool_versions(scratch: Path, env: dict[str, str]) -> dict[str, str]:
    """`name==version` of every distribution in the installed tool's environment, by lowercase name."""
    python = next((scratch / "tools" / SERVER_DISTRIBUTION / "bin").glob("python3"))
    listing = run([uv(), "pip", "list", "--python", python, "--format", "freeze"], cwd=scratch, env=env)
    assert listing.returncode == 0, output_of(listing)
    return {line.partition("==")[0].lower(): line for line in listing.stdout.split()}


def serve_and_back_up(
    command: Path, scratch: Path, env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """The installed `command` serving (on a free port, data under `scratch`): a backup created
    through it, then the backups listed; the server is stopped before they are returned."""
    server = subprocess.Popen(
        [command, "serve", "--port", "0", "--data-dir", str(scratch / "data"), "--log-level", "warning"],
        env={**os.environ, **env},
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stderr is not None
        first_line = server.stderr.readline()
        serving = SERVING.search(first_line)
        assert serving, first_line
        created = run(
            [command, "backup", "create", "--url", serving.group(1)], cwd=scratch, env=env, timeout=120
        )
        listed = run([command, "backups", "list", "--url", serving.group(1), "--json"], cwd=scratch, env=env)
    finally:
        server.terminate()
        server.wait(30)
    return created, listed


def test_the_server_installs_by_name_from_the_index_with_the_locked_versions(tmp_path: Path) -> None:
    """What release.yml publishes beside the client: `backup-api`, staged by `release server-project`
    with uv.lock's exact pins. `uv tool install backup-api==<version>` from the index alone installs
    it with those versions, and the installed command serves and backs up."""
    version = spec_version()
    staged = server_distribution.stage(REPO, tmp_path / "staged", version, uv())
    requirements = server_distribution.locked_requirements(REPO, uv())
    packages = tmp_path / "index"
    packages.mkdir()
    add_server_dependencies(packages, requirements, tmp_path)
    built = run([uv(), "build", "--no-config", "--out-dir", tmp_path / "dist", staged], cwd=REPO)
    assert built.returncode == 0, output_of(built)
    server_files = sorted((tmp_path / "dist").glob("backup_api-*"))
    assert [path.name for path in server_files] == [
        f"backup_api-{version}-py3-none-any.whl",
        f"backup_api-{version}.tar.gz",
    ]

    env = tool_environment(tmp_path)
    with pypiserver(packages, tmp_path / "pypiserver.log") as index:
        publish(index, build(CLIENT_PROJECT, tmp_path / "dist-client"))
        publish(index, server_files)
        install = [
            uv(),
            "tool",
            "install",
            "--index-url",
            f"{index}/simple/",
            f"{SERVER_DISTRIBUTION}=={version}",
        ]
        installed_tool = run(install, cwd=tmp_path, env=env, timeout=600)
        assert installed_tool.returncode == 0, output_of(installed_tool)

    # Every pinned version, not whatever resolves today: the tool's environment is exactly the lock.
    installed_versions = tool_versions(tmp_path, env)
    for requirement in requirements:
        pin = requirement.split(";")[0].strip()
        name = pin.partition("==")[0].lower()
        if name in installed_versions:
            assert installed_versions[name] == pin, (installed_versions[name], pin)
    assert installed_versions[SERVER_DISTRIBUTION] == f"{SERVER_DISTRIBUTION}=={version}"
    assert installed_versions[DISTRIBUTION] == f"{DISTRIBUTION}=={version}"

    created, listed = serve_and_back_up(tmp_path / "bin" / "backup-api", tmp_path, env)
    assert created.returncode == 0, output_of(created)
    assert listed.returncode == 0 and listed.stdout.count('"id"') == 1, output_of(listed)
