"""The hand-written code is ruff-clean, formatted, and passes `mypy --strict`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff_check_and_format() -> None:
    checked = run(str(BIN / "ruff"), "check", ".", "--no-cache")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    formatted = run(str(BIN / "ruff"), "format", "--check", ".", "--no-cache")
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


@pytest.mark.slow
def test_mypy_strict_on_the_hand_written_code(tmp_path: Path) -> None:
    # A bare `mypy`, as a developer runs it: what it checks is configured once, in pyproject.toml.
    result = run(str(BIN / "mypy"), "--cache-dir", str(tmp_path / "mypy-cache"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
