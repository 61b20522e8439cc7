"""The hand-written server and CLI stay small enough to read at once (issue 9): no module passes
`MAX_MODULE_LINES` lines and no function (or method) `MAX_FUNCTION_LINES`.

A module counts every line of its file. A function counts from its `def` to its last line, its
decorators excluded and its docstring included; a nested function counts within its parent and on
its own. When a module or a function outgrows its limit, split it along a seam (a class, a step, a
concern with a name of its own) rather than raising the limit.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = [REPO / "server" / "backup_api_server", REPO / "cli" / "backup_api_cli"]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def modules() -> Iterator[Path]:
    for package in PACKAGES:
        yield from sorted(package.rglob("*.py"))


def function_sizes(tree: ast.Module) -> Iterator[tuple[str, int, int]]:
    """(qualified name, line of its `def`, lines from the `def` to its last line) of every function."""

    def walk(node: ast.AST, prefix: str) -> Iterator[tuple[str, int, int]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                assert child.end_lineno is not None
                yield name, child.lineno, child.end_lineno - child.lineno + 1
                yield from walk(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)

    return walk(tree, "")


def test_the_packages_exist() -> None:
    for package in PACKAGES:
        assert (package / "__init__.py").is_file(), package
    assert any(True for _ in modules())


def test_no_module_passes_the_line_limit() -> None:
    too_long = []
    for path in modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(REPO)}: {lines} lines")
    assert not too_long, f"modules longer than {MAX_MODULE_LINES} lines (split them):\n" + "\n".join(too_long)


def test_no_function_passes_the_line_limit() -> None:
    too_long = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, line, lines in function_sizes(tree):
            if lines > MAX_FUNCTION_LINES:
                too_long.append(f"{path.relative_to(REPO)}:{line} {name}: {lines} lines")
    assert not too_long, f"functions longer than {MAX_FUNCTION_LINES} lines (extract helpers):\n" + "\n".join(
        too_long
    )


def test_function_sizes_count_from_the_def_without_decorators() -> None:
    source = textwrap.dedent(
        """\
        @decorator
        def f(
            a,
        ):
            return a


        class C:
            async def m(self):
                pass
        """
    )
    assert list(function_sizes(ast.parse(source))) == [("f", 2, 4), ("C.m", 9, 2)]
