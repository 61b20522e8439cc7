"""Every public symbol of the generated client is typed and documented: pyright's `--verifytypes`
reports 100 % type completeness and no symbol without a docstring (models' methods and enums
included: the templates give them theirs)."""

from __future__ import annotations

import json
import sys

from ._support import CLIENT_PACKAGE, REPO, output_of, require_program, run, tool


def test_pyright_finds_the_public_api_complete_and_documented() -> None:
    require_program("node", "pyright (the client's type completeness check)", "apt install nodejs")
    completed = run(
        [
            tool("pyright"),
            "--verifytypes",
            "backup_api_client",
            "--ignoreexternal",
            "--outputjson",
            "--pythonpath",
            sys.executable,
        ],
        cwd=REPO,
        timeout=300,
    )
    assert completed.stdout.strip(), output_of(completed)
    report = json.loads(completed.stdout)
    completeness = report["typeCompleteness"]
    assert completeness["packageRootDirectory"] == str(CLIENT_PACKAGE)  # generated/, not a copy
    problems = [
        f"{symbol['name']}: {diagnostic['message']}"
        for symbol in completeness["symbols"]
        for diagnostic in symbol.get("diagnostics", [])
    ]
    assert problems == [], "\n".join(problems)
    assert completeness["completenessScore"] == 1.0
    assert completeness["exportedSymbolCounts"]["withUnknownType"] == 0
    assert completeness["exportedSymbolCounts"]["withAmbiguousType"] == 0
    assert completeness["missingFunctionDocStringCount"] == 0
    assert completeness["missingClassDocStringCount"] == 0
    assert report["summary"]["errorCount"] == 0
    assert completed.returncode == 0, output_of(completed)
