"""templates/ holds only what must differ from the pinned openapi-python-client's own templates.

Run with `-s` (or `uv run codegen template-report`) to see each template's diff against upstream's:
the list to reread on a generator upgrade (codegen/README.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from backup_api_codegen import _generator_internals as generator
from backup_api_codegen.driver import main
from backup_api_codegen.template_report import OUR_MACROS, compare, render

from ._support import REPO, copy_repo

TEMPLATES = REPO / "templates"
# Upstream's macros that ours wrap, with the signatures our wrappers call them with.
WRAPPED_MACROS = {
    "endpoint_macros.py.jinja": (
        "arguments(endpoint, include_client=True)",
        "kwargs(endpoint, include_client=True)",
        "parse_response(parsed_responses, response)",
    ),
    "helpers.jinja": ("docstring(content)",),
}


def test_the_template_report(capsys: pytest.CaptureFixture[str]) -> None:
    rows = compare(REPO)
    with capsys.disabled():
        print("\n" + render(rows))
    unknown = [row.path for row in rows if row.kind == "unknown"]
    assert unknown == [], (
        f"openapi-python-client {generator.version()} has no template named like {unknown}: override "
        f"one of its templates by name, or put macros in templates/{OUR_MACROS}"
    )
    assert [row.path for row in rows if row.kind == "ours"] == [f"templates/{OUR_MACROS}"]


def test_a_template_upstream_does_not_have_fails_the_report(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    (repo / "templates" / "extra_macros.jinja").write_text("{% macro extra() %}{% endmacro %}\n")

    assert [row.path for row in compare(repo) if row.kind == "unknown"] == ["templates/extra_macros.jinja"]
    assert main(["template-report", "--repo", str(repo)]) == 1


def test_upstream_macros_are_not_overridden() -> None:
    """Upstream's macro files stay as they are; ours live in our macro module."""
    overridden = sorted(name for name in WRAPPED_MACROS if (TEMPLATES / name).exists())
    assert overridden == [], f"wrap upstream's macros in templates/{OUR_MACROS} instead"
    assert not (TEMPLATES / "property_templates").exists()


def test_every_template_is_a_template() -> None:
    """A file without Jinja is a module of overrides/, not a template."""
    static = [path.name for path in sorted(TEMPLATES.rglob("*.jinja")) if not re.search(r"{[{%]", read(path))]
    assert static == []


def test_the_upstream_macros_ours_wrap_keep_their_signatures() -> None:
    for template, signatures in WRAPPED_MACROS.items():
        text = read(generator.UPSTREAM_TEMPLATES / template)
        for signature in signatures:
            assert re.search(r"{%-?\s*macro " + re.escape(signature) + r"\s*-?%}", text), (
                f"openapi-python-client {generator.version()} changed {template}: no macro {signature}; "
                f"adapt templates/{OUR_MACROS}, which wraps it"
            )
    arguments = read(generator.UPSTREAM_TEMPLATES / "endpoint_macros.py.jinja")
    # Our `arguments` puts our runtime's client where upstream's types its own.
    assert "client: AuthenticatedClient | Client," in arguments


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_generated_client_and_our_jinja_stay_within_their_budgets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """At most 250 generated lines per operation (models and overrides/ aside), 350 lines of our own
    Jinja: `uv run codegen sizes` prints both."""
    code = main(["sizes"])
    printed = capsys.readouterr().out
    with capsys.disabled():
        print("\n" + printed)
    assert code == 0, printed
    assert "per operation" in printed and "our own Jinja" in printed
