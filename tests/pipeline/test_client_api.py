"""The generated client's public API is the one recorded in client_api.txt.

A spec edit, a template change or a generator upgrade that changes the API fails here with the
difference; if the change is meant, record it (see client_api.py) and review it with the rest.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from ._support import CLIENT_PROJECT, REPO, output_of, run

RECORD = Path(__file__).with_name("client_api.txt")


def test_the_public_api_is_the_recorded_one() -> None:
    # A fresh interpreter, importing the package from generated/ (not an installed copy).
    completed = run([sys.executable, "-m", "tests.pipeline.client_api", CLIENT_PROJECT], cwd=REPO)
    assert completed.returncode == 0, output_of(completed)
    recorded = RECORD.read_text(encoding="utf-8").splitlines()
    difference = list(
        difflib.unified_diff(
            recorded, completed.stdout.splitlines(), "client_api.txt", "generated", lineterm=""
        )
    )
    assert difference == [], (
        "the client's public API changed; if that is meant, run `./dev gen` (it rewrites "
        "tests/pipeline/client_api.txt) and review the change with the rest:\n" + "\n".join(difference)
    )
