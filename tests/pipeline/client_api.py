"""The generated client's public API as text: one line per public module, class, method, function
and constant, with its signature. ``client_api.txt`` beside this file is the committed record;
``test_client_api.py`` compares the package in generated/ with it, so a change of the API (by a spec
edit, a template or a generator upgrade) is a reviewed change of that file:

    ./dev gen   (it runs `python -m tests.pipeline.client_api generated/backup-api-client`)
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

PACKAGE = "backup_api_client"
SPECIAL_METHODS = frozenset(
    {"__init__", "__call__", "__enter__", "__exit__", "__aenter__", "__aexit__", "__iter__", "__aiter__"}
    | {"__getitem__", "__setitem__", "__delitem__", "__contains__", "__len__", "__bool__"}
)


def surface(project: Path) -> list[str]:
    """Import the package from ``project`` (a folder holding it) and describe what it makes public."""
    sys.path.insert(0, str(project))
    root = importlib.import_module(PACKAGE)
    assert Path(root.__file__ or "").is_relative_to(project), f"{PACKAGE} was imported from {root.__file__}"
    names = [PACKAGE, *(info.name for info in pkgutil.walk_packages(root.__path__, f"{PACKAGE}."))]
    lines: list[str] = []
    for name in sorted(names):
        if any(part.startswith("_") for part in name.split(".")):
            continue
        module = importlib.import_module(name)
        public = public_names(module)
        lines.append(f"module {name}: {', '.join(public)}")
        for attribute in public:
            lines.extend(describe(f"{name}.{attribute}", getattr(module, attribute)))
    return lines


def public_names(module: ModuleType) -> list[str]:
    """``__all__``, else the public names the module itself defines (not the ones it imports)."""
    if hasattr(module, "__all__"):
        return sorted(module.__all__)
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    defined: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            defined.update(target.id for target in targets if isinstance(target, ast.Name))
    return sorted(name for name in defined if not name.startswith("_"))


def describe(qualified: str, value: object) -> list[str]:
    if inspect.ismodule(value):
        return [f"{qualified}: module"]
    if inspect.isclass(value):
        bases = ", ".join(base.__qualname__ for base in value.__bases__)
        lines = [f"class {qualified}({bases})"]
        # Inherited members too, from the package's own classes (the runtime's bases, _custom's).
        members: dict[str, object] = {}
        for klass in reversed(value.__mro__):
            if klass.__module__.partition(".")[0] == PACKAGE:
                members.update(vars(klass))
        for name, member in sorted(members.items()):
            if name.startswith("_") and name not in SPECIAL_METHODS:
                continue
            if isinstance(member, staticmethod | classmethod):
                member = member.__func__
            if inspect.isfunction(member):
                lines.append(f"  {function_line(name, member)}")
            elif isinstance(member, property):
                lines.append(f"  property {name}")
            elif not callable(member):
                lines.append(f"  {name} = {member!r}")
        return lines
    if inspect.isfunction(value):
        return [function_line(qualified, value)]
    return [f"{qualified} = {value!r}"]


def function_line(name: str, function: object) -> str:
    prefix = "async def" if inspect.iscoroutinefunction(function) else "def"
    return f"{prefix} {name}{signature(function)}"


def signature(function: object) -> str:
    try:
        return str(inspect.signature(function))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "(...)"


if __name__ == "__main__":
    here = Path(__file__).resolve().parents[2]
    project = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "generated" / "backup-api-client"
    print("\n".join(surface(project.resolve())))
