"""Examples are tests: every Python block of README.md, the client's README and docs/ runs as written
against a live server (named only by BACKUP_API_BASE_URL, as a user's environment would).

A block meant as a fragment (it continues the ones before it) is marked by an HTML comment line
starting `<!-- fragment` right above it, and is skipped here by name; nothing else is skipped.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jsonschema_rs
import pytest

from backup_api_cli.assets import assets_file_schema
from tests.support.live_server import LiveServer, running_server

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
CLIENT_README = REPO / "generated" / "backup-api-client" / "README.md"
DOCUMENTS = [README, CLIENT_README, *sorted((REPO / "docs").rglob("*.md"))]
FRAGMENT_MARK = "<!-- fragment"
FENCE = re.compile(r"^```(\w*)\s*$")

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Block:
    document: Path
    line: int  # of the opening fence, from 1
    language: str
    code: str
    fragment: bool

    @property
    def name(self) -> str:
        return f"{self.document.relative_to(REPO)}:{self.line}"


def blocks_of(document: Path) -> list[Block]:
    found: list[Block] = []
    lines = document.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None or not opening.group(1):
            index += 1
            continue
        end = next(i for i in range(index + 1, len(lines)) if lines[i].startswith("```"))
        above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        code = "\n".join(lines[index + 1 : end]) + "\n"
        found.append(Block(document, index + 1, opening.group(1), code, above.startswith(FRAGMENT_MARK)))
        index = end + 1
    return found


PYTHON_BLOCKS = [
    block for document in DOCUMENTS for block in blocks_of(document) if block.language == "python"
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server holding one backup, as the examples that restore "the newest backup" expect."""
    with running_server(tmp_path_factory.mktemp("examples") / "data") as live:
        run_python("from backup_api_client import BackupApiClient\nBackupApiClient().backup.create()\n", live)
        yield live


def run_python(code: str, live: LiveServer) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("BACKUP_API_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**environment, "BACKUP_API_BASE_URL": live.url},
    )


def test_every_document_has_examples_and_fragments_are_few() -> None:
    # docs/reference/ holds mkdocstrings directives only; every page people read has examples.
    guides = [README, CLIENT_README, *sorted((REPO / "docs").glob("*.md"))]
    without = [document.name for document in guides if not any(b.document == document for b in PYTHON_BLOCKS)]
    assert without == []
    runnable = [block for block in PYTHON_BLOCKS if not block.fragment]
    assert len(runnable) >= 2 * len(PYTHON_BLOCKS) // 3, [b.name for b in PYTHON_BLOCKS if b.fragment]


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda block: block.name)
def test_the_example_runs_as_written(block: Block, server: LiveServer) -> None:
    if block.fragment:
        pytest.skip(f"{block.name} is marked a fragment")
    assert "localhost:1000" not in block.code and "localhost:5323" not in block.code, "name no port"
    result = run_python(block.code, server)
    assert result.returncode == 0, f"{block.name}:\n{block.code}\n{result.stderr}"
    if block == PYTHON_BLOCKS[0]:  # README.md's client in ten lines: its comments say what it prints
        lines = result.stdout.strip().splitlines()
        assert lines[-2:] == ["COMPLETED 100.0", "['a-1']"]


def test_the_readmes_assets_file_example_is_valid_for_the_printed_schema() -> None:
    examples = [block for block in blocks_of(README) if block.language == "json"]
    validator = jsonschema_rs.validator_for(assets_file_schema())
    assert examples, "README.md shows an assets file"
    for block in examples:
        document = json.loads(block.code)
        assert validator.is_valid(document), block.name
        assert len({asset["id"] for asset in document}) == len(document)
