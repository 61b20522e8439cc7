"""What the templates are given besides the generator's own context, each fact from its one home.

openapi-python-client hands templates the parsed spec as its ``Endpoint`` objects, which keep no
operation extensions (``x-idempotent``, ``x-long-running``) and know nothing of our runtime. The
driver collects those facts here:

- from the spec: each operation's ``operationId`` and extensions (``x-idempotent``,
  ``x-idempotency-key``, ``x-long-running``), the first server's URL;
- from ``METHOD_NAMES`` below (the one table of it): the client's method name for an operation,
  when it is not the operation's own name without its tag (``backupsList`` under ``Backups`` ->
  ``client.backups.list``);
- from the runtime in ``overrides/``, imported: the exception each error status raises
  (``_exceptions.error_class``), the exceptions the package exports (``_exceptions.__all__``) and
  their tree (``_exceptions``' docstring), the retry and timeout numbers (``_constants``), and which
  resources have hand-written methods (the ``<Tag>Custom`` classes of ``_custom``).

It reaches the templates through the generator's public interface: ``render_module`` writes it as
a Jinja module, ``backup_api_data.jinja``, into the folder of templates the generator is given, and
``templates/backup_api_macros.jinja`` imports it as ``backup_api``. A fact that does not fit (a
method name for an operation the spec lacks, a ``*Custom`` class for no tag) stops the generation
with a message that names it.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import json
import keyword
import re
import sys
import textwrap
import types
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import _generator_internals as generator

__all__ = ["DATA_TEMPLATE", "METHOD_NAMES", "TemplateDataError", "collect", "render_module"]

DATA_TEMPLATE = "backup_api_data.jinja"

# The client's method for each operation, by operationId: `client.<tag>.<method>`. An operation not
# listed here gets its own Python name without its tag's (`backupsPrune` under `Backups` -> `prune`).
METHOD_NAMES: dict[str, str] = {
    "backup": "create",
    "backupAsset": "create_from_asset",
    "backupSpecificBackupSnapshot": "get",
    "backupSpecificCreationStatus": "creation_status",
    "backupSpecificCreationCancel": "cancel_creation",
    "backupRestoreSpecificBackup": "restore",
    "backupRestoreSpecificBackupStreamed": "restore_streamed_json",
    "backupSpecificRestorationStatus": "restoration_status",
    "backupSpecificRestorationCancel": "cancel_restoration",
    "backupsList": "list_page",  # `list` is the pager of overrides/_custom.py
    "backupsDeleteSpecificBackup": "delete",
    "assetsSnapshot": "list_page",  # `list` is the pager of overrides/_custom.py
}

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
EXTENSIONS = {
    "idempotent": "x-idempotent",
    "idempotency_key": "x-idempotency-key",
    "long_running": "x-long-running",
}
CUSTOM_CLASS = re.compile(r"(?P<async_>Async)?(?P<resource>\w+)Custom")
_ERROR_STATUSES = range(400, 600)
_runtime_loads = itertools.count()


class TemplateDataError(ValueError):
    """A fact the templates need is missing or contradicts another."""


def collect(document: Mapping[str, Any], overrides: Path, config: Path) -> dict[str, Any]:
    """Every fact the templates read from ``backup_api``, as plain data."""
    prefix = generator.field_prefix(config)
    with runtime_modules(overrides) as runtime:
        exceptions = runtime("_exceptions")
        constants = runtime("_constants")
        custom = runtime("_custom")
        data = {
            "operations": operations(document, prefix),
            "servers": [server["url"] for server in document.get("servers") or []],
            "exceptions": list(exceptions.__all__),
            "exception_tree": exception_tree(exceptions.__doc__ or ""),
            "status_errors": {code: exceptions.error_class(code).__name__ for code in _ERROR_STATUSES},
            "constants": plain_constants(constants),
            "custom_resources": custom_resources(custom, document, prefix),
        }
    return data


def operations(
    document: Mapping[str, Any], prefix: str, method_names: Mapping[str, str] = METHOD_NAMES
) -> dict[str, dict[str, dict[str, Any]]]:
    """Per HTTP method and path (as the templates' ``endpoint.method`` and ``endpoint.path``)."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    methods_by_tag: dict[str, dict[str, str]] = {}
    for path, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            where = f"{method.upper()} {path}"
            operation_id = operation.get("operationId")
            if not isinstance(operation_id, str):
                raise TemplateDataError(f"{where} has no operationId; the client names its method after it")
            tag = generator.tag_identifier((operation.get("tags") or ["default"])[0])
            name = method_name(operation_id, tag, prefix, method_names)
            clash = methods_by_tag.setdefault(tag, {}).setdefault(name, operation_id)
            if clash != operation_id:
                raise TemplateDataError(
                    f"operations {clash} and {operation_id} would both be client.{tag}.{name}: "
                    "give one another name in METHOD_NAMES (codegen/backup_api_codegen/template_data.py)"
                )
            facts: dict[str, Any] = {"operation_id": operation_id, "method_name": name}
            for key, extension in EXTENSIONS.items():
                value = operation.get(extension, False)
                if not isinstance(value, bool):
                    raise TemplateDataError(f"{where}: {extension} must be true or false, not {value!r}")
                facts[key] = value
            if facts["idempotency_key"] and facts["idempotent"]:
                raise TemplateDataError(
                    f"{where}: x-idempotency-key marks an operation that is not idempotent; this one is "
                    "x-idempotent: true already"
                )
            found.setdefault(method, {})[path] = facts
    spec_ids = {facts["operation_id"] for by_path in found.values() for facts in by_path.values()}
    unknown = sorted(set(method_names) - spec_ids)
    if unknown:
        raise TemplateDataError(
            f"METHOD_NAMES (codegen/backup_api_codegen/template_data.py) names operations the spec does "
            f"not have: {', '.join(unknown)}"
        )
    return found


def method_name(operation_id: str, tag: str, prefix: str, method_names: Mapping[str, str]) -> str:
    name = method_names.get(operation_id)
    if name is None:
        name = generator.operation_identifier(operation_id, prefix)
        name = name.removeprefix(tag + "_") or name
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        raise TemplateDataError(f"{operation_id}: {name!r} cannot be the name of a public method")
    return name


def exception_tree(docstring: str) -> str:
    """The hierarchy drawn in ``_exceptions``' docstring: the indented block after a line ending ``::``."""
    lines = docstring.splitlines()
    start = next((index for index, line in enumerate(lines) if line.rstrip().endswith("::")), None)
    if start is None:
        raise TemplateDataError("overrides/_exceptions.py: its docstring draws no hierarchy (no '::' block)")
    following = itertools.dropwhile(lambda line: not line.strip(), lines[start + 1 :])
    return textwrap.dedent("\n".join(itertools.takewhile(str.strip, following)))


def plain_constants(module: types.ModuleType) -> dict[str, Any]:
    """The runtime's numbers and names (``_constants.__all__``) that are plain values."""
    values: dict[str, Any] = {}
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, frozenset | set):
            value = sorted(value)
        if isinstance(value, bool | int | float | str | list):
            values[name] = value
    return values


def custom_resources(module: types.ModuleType, document: Mapping[str, Any], prefix: str) -> list[str]:
    """The resources (``<Tag>``, as in ``<Tag>Resource``) that inherit hand-written methods from
    ``<Tag>Custom`` and ``Async<Tag>Custom`` in ``overrides/_custom.py``."""
    classes: dict[str, set[bool]] = {}
    for name, value in vars(module).items():
        match = CUSTOM_CLASS.fullmatch(name)
        if match and isinstance(value, type) and value.__module__ == module.__name__:
            classes.setdefault(match["resource"], set()).add(bool(match["async_"]))
    tags = {
        generator.class_name(generator.tag_identifier(tag), prefix)
        for item in (document.get("paths") or {}).values()
        for method in HTTP_METHODS
        if isinstance(operation := item.get(method), dict)
        for tag in (operation.get("tags") or ["default"])[:1]
    }
    for resource, kinds in sorted(classes.items()):
        if resource not in tags:
            raise TemplateDataError(
                f"overrides/_custom.py defines {resource}Custom, but no tag of the spec makes a "
                f"{resource}Resource (tags: {', '.join(sorted(tags))})"
            )
        if kinds != {False, True}:
            missing = f"Async{resource}Custom" if False in kinds else f"{resource}Custom"
            raise TemplateDataError(f"overrides/_custom.py defines one of a pair only: add {missing}")
    return sorted(classes)


@contextlib.contextmanager
def runtime_modules(overrides: Path) -> Iterator[Any]:
    """Import modules of ``overrides/`` as one package, as they import each other in the client.

    Yields ``load(name)``; the modules are forgotten afterwards, and no bytecode is written.
    """
    package_name = f"_backup_api_runtime_{next(_runtime_loads)}"
    package = types.ModuleType(package_name)
    package.__path__ = [str(overrides)]
    sys.modules[package_name] = package
    saved = sys.dont_write_bytecode
    sys.dont_write_bytecode = True

    def load(name: str) -> types.ModuleType:
        try:
            return importlib.import_module(f"{package_name}.{name}")
        except Exception as error:
            reason = f"{type(error).__name__}: {error}"
            raise TemplateDataError(f"importing overrides/{name}.py failed: {reason}") from error

    try:
        yield load
    finally:
        sys.dont_write_bytecode = saved
        for name in [name for name in sys.modules if name.partition(".")[0] == package_name]:
            del sys.modules[name]


def jinja_literal(value: object) -> str:
    """``value`` as a Jinja expression that evaluates to it (str, int, float, bool, lists, mappings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # ASCII-only JSON escapes (\", \\, \n, \uXXXX) are the ones Jinja's lexer decodes.
        return json.dumps(value, ensure_ascii=True)
    if isinstance(value, Mapping):
        items = (f"{jinja_literal(key)}: {jinja_literal(item)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, Sequence):
        return "[" + ", ".join(jinja_literal(item) for item in value) + "]"
    raise TypeError(f"no Jinja literal for {type(value).__name__}")


def render_module(data: Mapping[str, Any]) -> str:
    """A Jinja module that exports ``data`` as ``backup_api``."""
    return (
        "{# Written by codegen (backup_api_codegen.template_data) for one generation run. #}\n"
        f"{{% set backup_api = {jinja_literal(data)} %}}\n"
    )
