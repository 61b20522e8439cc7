"""What the templates are given besides the generator's own context, each fact from its one home.

openapi-python-client hands templates the parsed spec as its ``Endpoint`` objects, which keep no
operation extensions (``x-idempotent``, ``x-long-running``) and know nothing of our runtime. The
driver collects those facts here:

- from the spec, read by ``operations.operation_facts``: each operation's ``operationId``, method
  names (``x-method-name``), flags (``x-idempotent``, ``x-idempotency-key``, ``x-long-running``),
  and whether it is a list or a stream; the first server's URL;
- from the runtime in ``overrides/``, imported: the exception each error status raises
  (``_exceptions.error_class``), the exceptions the package exports (``_exceptions.__all__``) and
  their tree (``_exceptions``' docstring), the retry and timeout numbers (``_constants``).

It reaches the templates through the generator's public interface: ``render_module`` writes it as
a Jinja module, ``backup_api_data.jinja``, into the folder of templates the generator is given, and
``templates/backup_api_macros.jinja`` imports it as ``backup_api``. A fact that does not fit (two
operations with one method name, an extension that is not a boolean) stops the generation with a
message that names it.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import json
import sys
import textwrap
import types
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import _generator_internals as generator
from .operations import OperationError, operation_facts, spec_operations

__all__ = ["DATA_TEMPLATE", "TemplateDataError", "collect", "operations", "render_module", "spec_operations"]

DATA_TEMPLATE = "backup_api_data.jinja"

_ERROR_STATUSES = range(400, 600)
# The docstrings of the methods every model has (`{model}`: its class); `+extra`: one that keeps the
# fields the spec does not declare.
MODEL_DOCSTRINGS = {
    "to_dict": "This `{model}` as a JSON-ready dict, keyed by the spec's field names; unset fields are "
    "left out.",
    "from_dict": "A `{model}` read from a decoded JSON object.",
    "from_dict+extra": "A `{model}` read from a decoded JSON object; fields the spec does not declare go to "
    "`additional_properties`.",
    "additional_keys": "The names of the fields the spec does not declare (`model[name]` reads one, "
    "`model[name] = value` sets one).",
}
RETRIES = {
    "idempotent": "Idempotent: retried by default.",
    "idempotency_key": "Not idempotent, yet retried by default: every attempt carries the same "
    "`Idempotency-Key`, which the server answers once.",
    "other": "Not idempotent: retried only when the call passes `max_retries`.",
}
# What every method's docstring says of the options each call takes (Google-style `Args:` entries).
CALL_OPTIONS_ARGS = (
    "timeout (Timeout | NotGiven): This call's own timeout (see the package's README).\n"
    "max_retries (int | NotGiven): This call's own number of retries.\n"
    "extra_headers (Headers | None): Headers this call adds."
)
# The spec's `x-long-running`, said where the method is documented (the README gives the timeout).
LONG_RUNNING = "Long-running: its answer is awaited with the long read timeout."
_runtime_loads = itertools.count()


class TemplateDataError(ValueError):
    """A fact the templates need is missing or contradicts another."""


def collect(document: Mapping[str, Any], overrides: Path, config: Path) -> dict[str, Any]:
    """Every fact the templates read from ``backup_api``, as plain data."""
    prefix = generator.field_prefix(config)
    with runtime_modules(overrides) as runtime:
        exceptions = runtime("_exceptions")
        constants = runtime("_constants")
        status_errors = {code: exceptions.error_class(code).__name__ for code in _ERROR_STATUSES}
        by_method = operations(document, prefix, status_errors)
        data = {
            "operations": by_method,
            "keyed_methods": keyed_methods(by_method),
            "call_options_args": CALL_OPTIONS_ARGS,
            "servers": [server["url"] for server in document.get("servers") or []],
            "exceptions": list(exceptions.__all__),
            "exception_tree": exception_tree(exceptions.__doc__ or ""),
            "status_errors": status_errors,
            "constants": plain_constants(constants),
            "lazy_exports": list(runtime("_exports")._LAZY),
            "model_docstrings": MODEL_DOCSTRINGS,
        }
    return data


def keyed_methods(by_method: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> list[str]:
    """The client methods of the operations the spec marks `x-idempotency-key`, sorted."""
    return sorted(
        f"`client.{facts['tag']}.{facts['method_name']}`"
        for by_path in by_method.values()
        for facts in by_path.values()
        if facts["idempotency_key"]
    )


def operations(
    document: Mapping[str, Any], prefix: str, status_errors: Mapping[int, str] | None = None
) -> dict[str, dict[str, dict[str, Any]]]:
    """Per HTTP method and path (as the templates' ``endpoint.method`` and ``endpoint.path``); each
    documented error status with the exception the runtime raises for it (``raises``)."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    methods_by_tag: dict[str, dict[str, str]] = {}
    for method, path, operation in spec_operations(document):
        try:
            facts = operation_facts(document, method, path, operation, prefix)
        except OperationError as error:
            raise TemplateDataError(str(error)) from error
        for name in facts["method_names"]:
            clash = methods_by_tag.setdefault(facts["tag"], {}).setdefault(name, facts["operation_id"])
            if clash != facts["operation_id"] or facts["method_names"].count(name) > 1:
                raise TemplateDataError(
                    f"operations {clash} and {facts['operation_id']} would both be "
                    f"client.{facts['tag']}.{name}: give one another x-method-name in the spec"
                )
        kind = next((key for key in ("idempotent", "idempotency_key") if facts[key]), "other")
        facts["retries"] = RETRIES[kind] + (f" {LONG_RUNNING}" if facts["long_running"] else "")
        facts["raises"] = [
            [raised(code, status_errors or {}), code, sentence] for code, sentence in facts.pop("errors")
        ]
        found.setdefault(method, {})[path] = facts
    return found


def raised(code: str, status_errors: Mapping[int, str]) -> str:
    """The exception the runtime raises for a documented status or range (``5XX``)."""
    low = int(code.upper().replace("X", "0"))
    high = int(code.upper().replace("X", "9"))
    names = {status_errors.get(status, "APIStatusError") for status in range(low, high + 1)}
    return names.pop() if len(names) == 1 else "APIStatusError"


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
    """``value`` as a Jinja expression that evaluates to it (None, str, int, float, bool, lists, mappings)."""
    if value is None:
        return "none"
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
