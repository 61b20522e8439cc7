"""How far each of our templates is from the pinned generator's own: what to reread on an upgrade.

``codegen template-report`` prints one row per file of ``templates/`` (and per module of
``overrides/`` that replaces what one of the generator's templates renders), with its size, the
lines it adds to and removes from the installed version's template of the same name, and the share
of its lines that are upstream's. A template upstream does not have is an error, except our macro
module: every other template here overrides one of upstream's by name, as a small change of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import _generator_internals as generator

__all__ = ["OUR_MACROS", "TemplateDiff", "compare", "render"]

OUR_MACROS = "backup_api_macros.jinja"
# Modules the generator renders from one template each, at the package's top level.
RENDERED_BY = {"__init__.py": "package_init.py.jinja"}


@dataclass(frozen=True)
class TemplateDiff:
    path: str
    """``templates/<name>`` or ``overrides/<module>``."""
    kind: str
    """``override`` (of upstream's template of that name), ``ours`` (our macro module),
    ``replaces`` (an override module replacing what that template renders), or ``unknown``."""
    upstream: str | None
    """The upstream template compared with."""
    lines: int
    upstream_lines: int = 0
    added: int = 0
    removed: int = 0

    @property
    def shared(self) -> float:
        """The share of this file's lines that are upstream's (0 to 1)."""
        return (self.lines - self.added) / self.lines if self.lines else 1.0


def compare(repo: Path, upstream: Path = generator.UPSTREAM_TEMPLATES) -> list[TemplateDiff]:
    rows: list[TemplateDiff] = []
    templates = repo / "templates"
    for path in sorted(templates.rglob("*.jinja")):
        name = path.relative_to(templates).as_posix()
        ours = lines_of(path)
        if name == OUR_MACROS:
            rows.append(TemplateDiff(f"templates/{name}", "ours", None, len(ours), added=len(ours)))
        elif (upstream / name).is_file():
            rows.append(diff(f"templates/{name}", "override", name, ours, lines_of(upstream / name)))
        else:
            rows.append(TemplateDiff(f"templates/{name}", "unknown", None, len(ours), added=len(ours)))
    for path in sorted((repo / "overrides").glob("*.py")):
        template = RENDERED_BY.get(path.name, f"{path.name}.jinja")
        if (upstream / template).is_file():
            rows.append(
                diff(
                    f"overrides/{path.name}",
                    "replaces",
                    template,
                    lines_of(path),
                    lines_of(upstream / template),
                )
            )
    return rows


def diff(path: str, kind: str, template: str, ours: list[str], theirs: list[str]) -> TemplateDiff:
    shared = common_lines(ours, theirs)
    return TemplateDiff(
        path, kind, template, len(ours), len(theirs), len(ours) - shared, len(theirs) - shared
    )


def common_lines(ours: list[str], theirs: list[str]) -> int:
    """The length of the longest common subsequence of lines (what a minimal diff keeps)."""
    previous = [0] * (len(theirs) + 1)
    for line in ours:
        current = [0]
        for index, other in enumerate(theirs):
            current.append(previous[index] + 1 if line == other else max(previous[index + 1], current[index]))
        previous = current
    return previous[-1]


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def render(rows: list[TemplateDiff]) -> str:
    header = ("file", "kind", "upstream template", "lines", "upstream", "added", "removed", "shared")
    table = [header] + [
        (
            row.path,
            row.kind,
            row.upstream or "-",
            str(row.lines),
            str(row.upstream_lines) if row.upstream else "-",
            f"+{row.added}",
            f"-{row.removed}",
            f"{row.shared:.0%}" if row.upstream else "-",
        )
        for row in rows
    ]
    totals = [row for row in rows if row.path.startswith("templates/")]
    table.append(
        (
            "templates/ in all",
            "",
            "",
            str(sum(row.lines for row in totals)),
            "",
            f"+{sum(row.added for row in totals)}",
            f"-{sum(row.removed for row in totals)}",
            "",
        )
    )
    widths = [max(len(cells[column]) for cells in table) for column in range(len(header))]
    numeric = range(3, len(header))
    lines = [
        f"openapi-python-client {generator.version()}: our templates against its own "
        f"({generator.UPSTREAM_TEMPLATES})",
    ]
    for cells in table:
        lines.append(
            "  ".join(
                cell.rjust(width) if column in numeric else cell.ljust(width)
                for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()
        )
    return "\n".join(lines) + "\n"


# The size targets of the generated client (issue 20): generated lines per operation, models and the
# modules copied from overrides/ aside, and the lines of Jinja that are ours (not upstream's).
LINES_PER_OPERATION_BUDGET = 250
OWN_JINJA_BUDGET = 350


@dataclass(frozen=True)
class Sizes:
    generated_lines: int
    operations: int
    own_jinja: int

    @property
    def lines_per_operation(self) -> float:
        return self.generated_lines / self.operations if self.operations else 0.0

    def render(self) -> str:
        return (
            f"generated client: {self.generated_lines} lines for {self.operations} operations = "
            f"{self.lines_per_operation:.0f} per operation (budget {LINES_PER_OPERATION_BUDGET}; "
            "models and the modules of overrides/ aside)\n"
            f"our own Jinja: {self.own_jinja} lines (budget {OWN_JINJA_BUDGET}; lines not upstream's)\n"
        )


def sizes(repo: Path, project: Path, operations: int) -> Sizes:
    """The sizes of ``project`` (the generated client project) and of ``repo``'s templates."""
    package = next(path for path in project.iterdir() if (path / "__init__.py").is_file())
    copied = {package / path.relative_to(repo / "overrides") for path in (repo / "overrides").rglob("*.py")}
    counted = [
        path
        for path in project.rglob("*")
        if path.is_file()
        and path not in copied
        and "models" not in path.relative_to(package.parent).parts[1:2]
        and "__pycache__" not in path.parts
    ]
    generated = sum(len(lines_of(path)) for path in counted)
    own = sum(row.added for row in compare(repo) if row.path.startswith("templates/"))
    return Sizes(generated, operations, own)
