"""The environment for a command whose help text or terminal output a test reads as plain text.

CI sets variables that make Rich (through typer) style output even when it goes to a pipe:
``GITHUB_ACTIONS``, ``FORCE_COLOR`` and ``PY_COLORS`` force a terminal, and ``NO_COLOR`` then drops
the colours but keeps bold, whose escape codes split an option such as ``--custom-template-path``.
A test that reads such output runs the command in this environment, so it reads the same text on a
laptop, in ``.ci/run`` and on GitHub.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

# Variables that make Rich, click or typer style output that is not going to a terminal.
FORCING_STYLE = (
    "GITHUB_ACTIONS",
    "FORCE_COLOR",
    "PY_COLORS",
    "CLICOLOR_FORCE",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
)


def plain_text_env(columns: int = 300, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """BASE (default: this process's environment) with styling off and a fixed width."""
    env = {name: value for name, value in (os.environ if base is None else base).items()}
    for name in (*FORCING_STYLE, "TERMINAL_WIDTH"):
        env.pop(name, None)
    env.update(
        {
            "NO_COLOR": "1",
            "TERM": "dumb",
            "COLUMNS": str(columns),
            # typer's own switch: never treat the output as a terminal.
            "_TYPER_FORCE_DISABLE_TERMINAL": "1",
        }
    )
    return env
