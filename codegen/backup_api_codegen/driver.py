"""Generate everything in ``generated/`` from ``spec/backup-api.yaml``, or check it is up to date.

``codegen generate`` rewrites ``generated/``; ``codegen check`` generates into a temporary folder and
exits 1 with a unified diff when anything differs from what is committed; ``codegen template-report``
prints how far each of our templates is from the pinned generator's own (exit 1 for a template the
generator does not have, other than our macro module); ``codegen sizes`` prints the generated client's
lines per operation and our own lines of Jinja (exit 1 over either budget).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from . import template_data, template_report
from ._generator_internals import GeneratorInternalsChanged
from .operations import spec_operations

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_RELATIVE = "spec/backup-api.yaml"
CLIENT_PROJECT = "backup-api-client"
CLIENT_PACKAGE = "backup_api_client"
SERVER_MODELS_PACKAGE = "backup_api_server_models"
GENERATOR_CONFIG = "codegen/openapi-python-client.yaml"
# The one ruff configuration of everything in generated/ (and of overrides/, which extends it).
RUFF_CONFIG = "codegen/client-ruff.toml"

GENERATED_NOTICE = (
    f"Generated from {SPEC_RELATIVE} by `codegen generate`. Do not edit: change the spec, "
    "templates/ or overrides/ and regenerate."
)
# The first line of every module in overrides/, which ships byte for byte (so it says so itself).
OVERRIDE_NOTICE = "Hand-written in overrides/{path}; `codegen generate` ships it unchanged."
COMMENT_SYNTAX: dict[str, tuple[str, str]] = {
    ".py": ("# ", ""),
    ".toml": ("# ", ""),
    ".typed": ("# ", ""),
    ".gitignore": ("# ", ""),
    ".md": ("<!-- ", " -->"),
    ".yaml": ("# ", ""),
}
JINJA_FRAME = re.compile(r'File "(?P<file>[^"]+\.jinja)", line (?P<line>\d+)')


class GenerationError(RuntimeError):
    """A generator step failed; the message names the step."""


def tool(name: str) -> str:
    """Find a generator next to the running interpreter, so the pinned versions are the ones used."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise GenerationError(f"{name} is not installed; run `uv sync` first")
    return found


def pinned_tools_path() -> str:
    """PATH with this interpreter's scripts first, so a tool called by name is the pinned one."""
    return f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


def run(step: str, command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> None:
    environment = {**os.environ, "PATH": pinned_tools_path(), **(env or {})}
    completed = subprocess.run(list(command), cwd=cwd, env=environment, capture_output=True, text=True)
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip()
        raise GenerationError(
            f"{step} failed{template_error(output)} (exit {completed.returncode}):\n{output}"
        )


def template_error(output: str) -> str:
    """Where and why a template failed, from a traceback (Jinja puts template lines in tracebacks)."""
    frames = list(JINJA_FRAME.finditer(output))
    if not frames:
        return ""
    last_line = output.rstrip().rpartition("\n")[2]
    return f" at {Path(frames[-1]['file']).name}:{frames[-1]['line']}: {last_line}"


def load_spec(spec: Path) -> dict[str, Any]:
    """The spec parsed as openapi-python-client parses it (ruamel.yaml, safe, YAML 1.2)."""
    try:
        document = YAML(typ="safe").load(spec.read_bytes())
    except YAMLError as error:
        raise GenerationError(f"reading {spec.name} failed: {error}") from error
    if not isinstance(document, dict):
        raise GenerationError(f"reading {spec.name} failed: not a mapping at the top level")
    return document


def generate_client(repo: Path, spec: Path, out: Path) -> Path:
    """Run openapi-python-client's command line with our templates, then copy overrides/ over.

    The templates are given the facts the generator's `Endpoint` does not carry (the spec's
    extensions, the runtime's exceptions, the client's method names) as one more template,
    `backup_api_data.jinja`, written beside a copy of templates/ for this run (see template_data).
    """
    project = out / CLIENT_PROJECT
    config = repo / GENERATOR_CONFIG
    try:
        facts = template_data.collect(load_spec(spec), repo / "overrides", config)
    except (template_data.TemplateDataError, GeneratorInternalsChanged, OSError, ValueError) as error:
        raise GenerationError(f"collecting what the templates need failed: {error}") from error
    with tempfile.TemporaryDirectory(prefix="codegen-templates-") as scratch:
        templates = Path(scratch) / "templates"
        shutil.copytree(repo / "templates", templates)
        (templates / template_data.DATA_TEMPLATE).write_text(
            template_data.render_module(facts), encoding="utf-8"
        )
        run(
            "openapi-python-client",
            [
                tool("openapi-python-client"),
                "generate",
                "--path",
                str(spec),
                "--config",
                str(config),
                "--custom-template-path",
                str(templates),
                "--meta",
                "uv",
                "--output-path",
                str(project),
                # A warning means an operation or a model was left out of the client.
                "--fail-on-warning",
            ],
            cwd=out,
            # Plain tracebacks (not Rich's, with every local variable), so a template line can be named.
            env={"_TYPER_STANDARD_TRACEBACK": "1", "NO_COLOR": "1"},
        )
    copy_overrides(repo / "overrides", project / CLIENT_PACKAGE)
    return project


def shipped_overrides(overrides: Path) -> list[Path]:
    """The modules of overrides/ (its ruff.toml configures the folder and is not shipped)."""
    return sorted(
        path.relative_to(overrides) for path in overrides.rglob("*.py") if "__pycache__" not in path.parts
    )


def copy_overrides(overrides: Path, package: Path) -> None:
    for relative in shipped_overrides(overrides):
        content = (overrides / relative).read_bytes()
        notice = f"# {OVERRIDE_NOTICE.format(path=relative.as_posix())}\n"
        if not content.startswith(notice.encode()):
            raise GenerationError(f"overrides/{relative.as_posix()} must start with: {notice.strip()}")
        target = package / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def check_overrides_shipped_unchanged(overrides: Path, package: Path) -> None:
    """Formatting the package must leave each override as it is, so its line numbers map back."""
    changed = [
        f"overrides/{relative.as_posix()}"
        for relative in shipped_overrides(overrides)
        if (package / relative).read_bytes() != (overrides / relative).read_bytes()
    ]
    if changed:
        raise GenerationError(
            f"ruff ({RUFF_CONFIG}) changes {', '.join(changed)}, which must ship byte for byte: run "
            "`uv run ruff check --fix overrides && uv run ruff format overrides` and generate again"
        )


def generate_server_models(spec: Path, out: Path) -> Path:
    package = out / SERVER_MODELS_PACKAGE
    package.mkdir(parents=True)
    run(
        "datamodel-codegen",
        [
            tool("datamodel-codegen"),
            "--input",
            str(spec),
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--output",
            str(package / "__init__.py"),
            "--target-python-version",
            "3.11",
            "--disable-timestamp",
            "--custom-file-header",
            "# " + GENERATED_NOTICE,
            "--allow-population-by-field-name",
            "--ignore-pyproject",
            "--use-annotated",
            "--use-standard-collections",
            "--use-union-operator",
            "--formatters",
            "ruff-format",
        ],
        cwd=out,
    )
    # The server publishes the spec it was generated from, so the two cannot drift apart.
    marker = package / "py.typed"
    marker.write_text(with_notice(marker, "", GENERATED_NOTICE))
    spec_copy = package / "openapi.yaml"
    spec_copy.write_text(with_notice(spec_copy, spec.read_text(encoding="utf-8"), GENERATED_NOTICE))
    return package


def with_notice(path: Path, text: str, notice: str) -> str:
    suffix = path.suffix or path.name
    syntax = COMMENT_SYNTAX.get(suffix)
    if syntax is None or text.startswith(syntax[0] + notice):
        return text
    opening, closing = syntax
    return f"{opening}{notice}{closing}\n{text}"


def add_generated_notices(project: Path) -> None:
    for path in sorted(project.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if text.startswith("# " + OVERRIDE_NOTICE.partition("{")[0]):
                continue
            path.write_text(with_notice(path, text, GENERATED_NOTICE), encoding="utf-8")


def generate_into(out: Path, repo: Path = REPO_ROOT) -> None:
    """Write every generated artifact into ``out`` (which must not exist yet)."""
    spec = repo / SPEC_RELATIVE
    out.mkdir(parents=True)
    project = generate_client(repo, spec, out)
    add_generated_notices(project)
    generate_server_models(spec, out)
    ruff = [tool("ruff"), "--config", str(repo / RUFF_CONFIG), "--no-cache", "--quiet"]
    run("ruff check", [*ruff[:1], "check", ".", "--fix-only", *ruff[1:]], out)
    run("ruff format", [*ruff[:1], "format", ".", *ruff[1:]], out)
    check_overrides_shipped_unchanged(repo / "overrides", project / CLIENT_PACKAGE)


# Caches that tools leave beside generated code; never part of what the spec produces.
IGNORED_PARTS = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})


def iter_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not IGNORED_PARTS.intersection(relative.parts):
            yield relative


def diff_trees(expected: Path, actual: Path) -> list[str]:
    """A unified diff from ``actual`` (committed) to ``expected`` (freshly generated)."""
    lines: list[str] = []
    expected_files = set(iter_files(expected))
    actual_files = set(iter_files(actual))
    for relative in sorted(expected_files | actual_files):
        committed = f"generated/{relative.as_posix()} (committed)"
        fresh = f"generated/{relative.as_posix()} (from the spec)"
        if relative not in actual_files:
            lines.append(f"only in the fresh output: {fresh}\n")
        elif relative not in expected_files:
            lines.append(f"only in the committed output: {committed}\n")
        old = (actual / relative).read_bytes() if relative in actual_files else b""
        new = (expected / relative).read_bytes() if relative in expected_files else b""
        if old != new:
            lines.extend(
                difflib.unified_diff(
                    old.decode("utf-8", "replace").splitlines(keepends=True),
                    new.decode("utf-8", "replace").splitlines(keepends=True),
                    fromfile=committed,
                    tofile=fresh,
                )
            )
    return lines


def generate(repo: Path = REPO_ROOT) -> None:
    target = repo / "generated"
    with tempfile.TemporaryDirectory(prefix="codegen-") as scratch:
        fresh = Path(scratch) / "generated"
        generate_into(fresh, repo)
        # Swap only once generation succeeded, so a failed run leaves the committed output in place.
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(fresh, target)


def check(repo: Path = REPO_ROOT, generated: Path | None = None) -> list[str]:
    committed = generated if generated is not None else repo / "generated"
    with tempfile.TemporaryDirectory(prefix="codegen-check-") as scratch:
        fresh = Path(scratch) / "generated"
        generate_into(fresh, repo)
        return diff_trees(fresh, committed)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="codegen", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("command", choices=["generate", "check", "template-report", "sizes"])
    parser.add_argument(
        "--repo",
        type=lambda value: Path(value).resolve(),
        default=REPO_ROOT,
        help="repository root (default: this checkout)",
    )
    arguments = parser.parse_args(argv)
    if arguments.command == "template-report":
        return report_templates(arguments.repo)
    if arguments.command == "sizes":
        return report_sizes(arguments.repo)
    try:
        if arguments.command == "generate":
            generate(arguments.repo)
            print(f"generated/ is up to date with {SPEC_RELATIVE}")
            return 0
        differences = check(arguments.repo)
    except GenerationError as error:
        print(f"codegen: {error}", file=sys.stderr)
        return 2
    if differences:
        sys.stdout.writelines(differences)
        print(
            f"\ncodegen check: generated/ differs from what {SPEC_RELATIVE}, templates/ and overrides/ "
            "produce; run `./dev gen` and commit the result",
            file=sys.stderr,
        )
        return 1
    print("codegen check: generated/ matches the spec")
    return 0


def report_sizes(repo: Path) -> int:
    """Print the generated client's lines per operation and our own Jinja; exit 1 over a budget."""
    operations = sum(1 for _ in spec_operations(load_spec(repo / SPEC_RELATIVE)))
    found = template_report.sizes(repo, repo / "generated" / CLIENT_PROJECT, operations)
    sys.stdout.write(found.render())
    within = found.lines_per_operation <= template_report.LINES_PER_OPERATION_BUDGET
    return 0 if within and found.own_jinja <= template_report.OWN_JINJA_BUDGET else 1


def report_templates(repo: Path) -> int:
    rows = template_report.compare(repo)
    sys.stdout.write(template_report.render(rows))
    unknown = [row.path for row in rows if row.kind == "unknown"]
    if unknown:
        print(
            f"\ncodegen template-report: {', '.join(unknown)}: openapi-python-client has no such template; "
            f"override one of its templates by name, or put macros in templates/{template_report.OUR_MACROS}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
