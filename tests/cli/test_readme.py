"""The README's client example runs as written against a live server."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import backup_api_client
from tests.support.live_server import running_server

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
CLIENT_README = REPO / "generated" / "backup-api-client" / "README.md"

pytestmark = pytest.mark.slow


def test_the_client_example_runs(tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    example = blocks[0]
    assert 'base_url="http://localhost:1000"' in example
    with running_server(tmp_path / "data") as live:
        code = example.replace("http://localhost:1000", live.url)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-2] == "COMPLETED 100.0"
    assert lines[-1] == "['a-1']"


def test_the_client_packages_first_example_runs(tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", CLIENT_README.read_text(encoding="utf-8"), flags=re.S)
    example = blocks[0]
    with running_server(tmp_path / "data") as live:
        code = example.replace("http://localhost:1000", live.url)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0].startswith(f"{backup_api_client.__version__}_")  # the spec's version
