"""Generate everything in ``generated/`` from ``spec/backup-api.yaml``, or check it is up to date.

``codegen generate`` rewrites ``generated/``; ``codegen check`` generates into a temporary folder and
exits 1 with a unified diff when anything differs from what is committed.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from openapi_python_client import Project
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.errors import GeneratorError
from openapi_python_client.parser.openapi import generate_operation_id
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import PythonIdentifier
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_RELATIVE = "spec/backup-api.yaml"
CLIENT_PROJECT = "backup-api-client"
CLIENT_PACKAGE = "backup_api_client"
SERVER_MODELS_PACKAGE = "backup_api_server_models"
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
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


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


def run(step: str, command: Sequence[str], cwd: Path) -> None:
    env = dict(os.environ)
    env["PATH"] = pinned_tools_path()
    completed = subprocess.run(list(command), cwd=cwd, env=env, capture_output=True, text=True)
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip()
        raise GenerationError(f"{step} failed (exit {completed.returncode}):\n{output}")


def load_spec(spec: Path) -> dict[str, Any]:
    """The spec parsed as openapi-python-client parses it (ruamel.yaml, safe, YAML 1.2)."""
    try:
        document = YAML(typ="safe").load(spec.read_bytes())
    except YAMLError as error:
        raise GenerationError(f"reading {spec.name} failed: {error}") from error
    if not isinstance(document, dict):
        raise GenerationError(f"reading {spec.name} failed: not a mapping at the top level")
    return document


def operations_by_endpoint_name(document: dict[str, Any], config: Config) -> dict[str, dict[str, Any]]:
    """Each operation of the spec, as parsed, under the name the generator gives its `Endpoint`."""
    operations: dict[str, dict[str, Any]] = {}
    for path, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            # As `Endpoint.from_data` names it.
            operation_id = operation.get("operationId")
            prefix = config.field_prefix
            if operation_id is None:
                name = generate_operation_id(path=UntrustedString(path), method=method, prefix=prefix)
            else:
                name = PythonIdentifier(operation_id, prefix=prefix)
            operations[name] = operation
    return operations


def describe(error: GeneratorError) -> str:
    return "\n".join(part for part in (f"{error.level.value}: {error.header}", error.detail) if part)


def template_location(error: Exception) -> str:
    """The template line an exception was raised from (Jinja puts template lines in tracebacks)."""
    frames = traceback.extract_tb(error.__traceback__)
    templates = [frame for frame in frames if frame.filename.endswith(".jinja")]
    if not templates:
        return ""
    return f" at {Path(templates[-1].filename).name}:{templates[-1].lineno}"


@contextlib.contextmanager
def pinned_tools_on_path() -> Iterator[None]:
    """Post-hooks (none are configured) would run tools by name, from PATH: make them the pinned ones."""
    saved = os.environ.get("PATH")
    os.environ["PATH"] = pinned_tools_path()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["PATH"]
        else:
            os.environ["PATH"] = saved


def generate_client(repo: Path, spec: Path, out: Path) -> Path:
    """Run openapi-python-client in this process, with the parsed spec as a template global.

    The generator's `Endpoint` keeps no raw Operation, so operation-level extensions (`x-idempotent`)
    and the servers would be lost; the templates read them from `spec` (the whole document) and
    `spec_operations` (each operation, by `endpoint.name`). The `Config` is the one the CLI builds for
    `generate --config codegen/openapi-python-client.yaml --meta uv --output-path ...`.
    """
    step = "openapi-python-client"
    project = out / CLIENT_PROJECT
    settings = repo / "codegen" / "openapi-python-client.yaml"
    try:
        config_file = ConfigFile.load_from_path(settings)
    except Exception as error:  # YAML or validation: the CLI's "Unable to parse config"
        raise GenerationError(f"{step} failed: {settings.name}: {error}") from error
    config = Config.from_sources(config_file, MetaType.UV, spec, "utf-8", False, output_path=project)
    document = load_spec(spec)
    openapi = GeneratorData.from_dict(document, config=config)
    if isinstance(openapi, GeneratorError):
        raise GenerationError(f"{step} failed:\n{describe(openapi)}")
    generator = Project(openapi=openapi, config=config, custom_template_path=(repo / "templates").resolve())
    generator.env.globals.update(spec=document, spec_operations=operations_by_endpoint_name(document, config))
    try:
        # `build` prints "Generating <path>"; the post-hooks' output is captured by the generator.
        with pinned_tools_on_path(), contextlib.redirect_stdout(io.StringIO()):
            errors = generator.build()
    except Exception as error:  # a template or generator bug: name the step and the template line
        reason = f"{type(error).__name__}: {error}"
        raise GenerationError(f"{step} failed{template_location(error)}: {reason}") from error
    # Warnings too: a warning means an operation or a model was left out of the client.
    if errors:
        raise GenerationError(f"{step} failed:\n" + "\n\n".join(describe(error) for error in errors))
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
    parser.add_argument("command", choices=["generate", "check"])
    parser.add_argument(
        "--repo", type=Path, default=REPO_ROOT, help="repository root (default: this checkout)"
    )
    arguments = parser.parse_args(argv)
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
            "produce; run `codegen generate` and commit the result",
            file=sys.stderr,
        )
        return 1
    print("codegen check: generated/ matches the spec")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
