"""Every problem `type` the server can answer is one the spec's `ProblemType` enum documents."""

from __future__ import annotations

import re
from pathlib import Path

import backup_api_server
from backup_api_server import contract, problems

SERVER = Path(backup_api_server.__file__).parent
GUARD = SERVER / "api" / "guard.py"


def test_every_type_written_in_the_server_is_documented() -> None:
    written = {
        match
        for path in SERVER.rglob("*.py")
        for match in re.findall(r"urn:backup-api:problem:[a-z-]+", path.read_text(encoding="utf-8"))
    }
    # The guard names its refusals by slug (`PROBLEM_PREFIX` + slug).
    slugs = re.findall(r"\b(4\d\d),\s+\"([a-z-]+)\"", GUARD.read_text(encoding="utf-8"))
    assert {slug for _, slug in slugs} >= {"host-not-allowed", "cross-site-request", "unauthorized"}
    written |= {f"urn:backup-api:problem:{slug}" for _, slug in slugs}
    assert len(written) > 15
    assert problems.undocumented_types(written) == set()


def test_an_undocumented_type_is_found() -> None:
    assert problems.undocumented_types({"urn:backup-api:problem:made-up"}) == {
        "urn:backup-api:problem:made-up"
    }
    assert problems.CANCELLED in contract.problem_types()
