"""Docstrings are part of the client's surface: every public method's `Raises:` section names the
exception of each error status its operation documents in the spec.

Read from the spec and the runtime, not from the generated code's layout: the operations and their
documented statuses come from `spec/backup-api.yaml`, the method from the client's resources
(`client.<tag>.<method>` and the async client's twin, the method named as codegen names it), the
exception from `error_class()` (overrides/_exceptions.py), the section from the docstring as a
Google-style parser reads it (griffe, which the docs site uses too). So a template edit that drops
or garbles one method's `Raises:` fails here, whatever shape the generated modules take.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe
import pytest

import backup_api_client
from backup_api_client import AsyncBackupApiClient, BackupApiClient
from backup_api_client._exceptions import error_class
from backup_api_codegen import _generator_internals as generator
from backup_api_codegen import template_data
from backup_api_codegen.driver import GENERATOR_CONFIG

from ._support import REPO, spec_document

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def documented_operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    paths = spec_document()["paths"]
    assert isinstance(paths, dict)
    for path, item in paths.items():
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield method, path, item[method]


def error_statuses(operation: dict[str, Any]) -> list[str]:
    """The operation's documented error responses: `4xx`/`5xx` codes, ranges (`5XX`) and `default`."""
    return [str(key) for key in operation["responses"] if not str(key).startswith(("1", "2", "3"))]


def raises_section(docstring: str | None) -> list[tuple[str, str]]:
    """(exception, description) of each entry of the `Raises:` section; empty if there is none."""
    parsed = griffe.Docstring(docstring or "").parse("google", warnings=False)
    entries: list[tuple[str, str]] = []
    for section in parsed:
        if section.kind is griffe.DocstringSectionKind.raises:
            entries.extend((str(entry.annotation), entry.description) for entry in section.value)
    return entries


def names_status(entries: list[tuple[str, str]], exception: str, status: str) -> bool:
    """Whether one entry names `exception` for `status` (the code as a word of its description)."""
    code = re.compile(rf"(?<![\w.]){re.escape(status)}(?![\w.])")
    return any(name == exception and code.search(description) for name, description in entries)


def expected_exception(status: str) -> str:
    """The class a documented status raises; for a range (`5XX`), the one every code in it raises,
    else (or for `default`) `APIStatusError`."""
    if status.isdigit():
        return error_class(int(status)).__name__
    if re.fullmatch(r"[45]XX", status, re.IGNORECASE):
        first = int(status[0]) * 100
        classes = {error_class(code).__name__ for code in range(first, first + 100)}
        if len(classes) == 1:
            return classes.pop()
    return "APIStatusError"


OPERATIONS = [
    pytest.param(method, path, operation, id=str(operation["operationId"]))
    for method, path, operation in documented_operations()
]


@pytest.fixture(scope="module")
def method_names() -> dict[str, dict[str, dict[str, Any]]]:
    """The client's method per HTTP method and path, named where codegen names it (one home)."""
    prefix = generator.field_prefix(Path(REPO / GENERATOR_CONFIG))
    return template_data.operations(spec_document(), prefix)


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[BackupApiClient, AsyncBackupApiClient]]:
    # Nothing is sent: the clients only hand out their resources.
    sync_client = BackupApiClient(base_url="http://127.0.0.1:9")
    async_client = AsyncBackupApiClient(base_url="http://127.0.0.1:9")
    yield sync_client, async_client
    sync_client.close()


def missing_statuses(public: object, operation: dict[str, Any]) -> list[str] | None:
    """The documented error statuses `public`'s `Raises:` does not name (None: it has no such section)."""
    entries = raises_section(inspect.getdoc(public))
    if not entries:
        return None
    return [
        f"{expected_exception(status)} ({status})"
        for status in error_statuses(operation)
        if not names_status(entries, expected_exception(status), status)
    ]


def refers_to_the_sync_method(public: object, qualified: str) -> bool:
    """Whether `public` (an async method) is documented as its sync twin, which names the statuses
    (issue 20: each operation's docstring is written once; the async one points at it)."""
    docstring = inspect.getdoc(public) or ""
    return inspect.iscoroutinefunction(public) and f"`{qualified}` of the sync client" in docstring


def operation_functions() -> Iterator[tuple[str, str, object]]:
    """(operationId, qualified name, function) of each public function of a public module of the
    package that says which operation it sends (`OPERATION_ID`); none if no module does."""
    names = pkgutil.walk_packages(backup_api_client.__path__, f"{backup_api_client.__name__}.")
    for info in names:
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        module = importlib.import_module(info.name)
        operation_id = getattr(module, "OPERATION_ID", None)
        if not isinstance(operation_id, str):
            continue
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("_") and function.__module__ == module.__name__:
                yield operation_id, f"{info.name}.{name}", function


@pytest.mark.parametrize(("method", "path", "operation"), OPERATIONS)
def test_every_documented_error_status_is_in_the_methods_raises(
    method: str,
    path: str,
    operation: dict[str, Any],
    method_names: dict[str, dict[str, dict[str, Any]]],
    clients: tuple[BackupApiClient, AsyncBackupApiClient],
) -> None:
    statuses = error_statuses(operation)
    assert statuses, f"{method.upper()} {path} documents no error response"
    tag = generator.tag_identifier(operation["tags"][0])
    name = method_names[method][path]["method_name"]
    for client in clients:
        where = f"{type(client).__name__}.{tag}.{name}"
        resource = getattr(client, tag)
        public, checked = getattr(resource, name), name
        pages = f"{name}_page"
        if pages in (inspect.getdoc(public) or "") and hasattr(resource, pages):
            # A list's errors are its pages': the page method is checked.
            public, checked = getattr(resource, pages), pages
            where = f"{type(client).__name__}.{tag}.{pages}"
        if refers_to_the_sync_method(public, f"{tag}.{checked}"):
            continue  # documented once, on the sync method checked above
        missing = missing_statuses(public, operation)
        assert missing is not None, f"{where} ({method.upper()} {path}) has no Raises: in its docstring"
        assert not missing, (
            f"{where} ({method.upper()} {path}): its docstring's Raises: does not name "
            f"{', '.join(missing)}, documented in the spec"
        )


def test_every_function_that_sends_an_operation_documents_its_error_statuses() -> None:
    """The same for the package's other public callables of an operation (today the `sync`,
    `asyncio` and `*_detailed` functions of `api/<tag>/<operation>.py`)."""
    by_id = {str(operation["operationId"]): operation for _, _, operation in documented_operations()}
    problems = []
    resources = BackupApiClient(base_url="http://127.0.0.1:9")
    for operation_id, qualified, function in operation_functions():
        delegate = delegated_method(resources, inspect.getdoc(function) or "")
        missing = missing_statuses(delegate or function, by_id[operation_id])
        if missing is None:
            problems.append(f"{qualified} ({operation_id}) has no Raises: in its docstring")
        elif missing:
            problems.append(f"{qualified} ({operation_id}): Raises: does not name {', '.join(missing)}")
    resources.close()
    assert not problems, "\n".join(problems)


def delegated_method(client: BackupApiClient, docstring: str) -> object | None:
    """The resource method a low-level function's docstring says it is (`client.backup.create(...)`,
    documented there once), or None when it names none."""
    found = re.match(r"`(?:await )?client\.(\w+)\.(\w+)\(\.\.\.\)`", docstring)
    if found is None:
        return None
    return getattr(getattr(client, found[1], None), found[2], None)


def test_the_check_reads_a_raises_section_as_the_templates_write_it() -> None:
    """The parser and the matching, on a docstring shaped like the generated ones: a status is named
    only by its own exception, and not by a longer number that contains it."""
    docstring = """Get a backup.

    Args:
        backup (str): The id.

    Raises:
        NotFoundError: (404) No backup has this identifier.
        APIStatusError: (421) The `Host` header names a host this server does not answer for,
            which continues on a second line.
        InternalServerError: (5004) Not a real status.
        APIStatusError: Any other error status (a subclass for 400, 401).

    Returns:
        Backup: The backup.
    """
    entries = raises_section(docstring)
    assert [name for name, _ in entries] == [
        "NotFoundError",
        "APIStatusError",
        "InternalServerError",
        "APIStatusError",
    ]
    assert names_status(entries, "NotFoundError", "404")
    assert names_status(entries, "APIStatusError", "421")
    assert not names_status(entries, "APIStatusError", "404")  # named, but by another class
    assert not names_status(entries, "InternalServerError", "500")  # 5004 is not 500
    assert not names_status(entries, "APIStatusError", "40")
    assert raises_section("Get a backup.\n\nReturns:\n    Backup: The backup.\n") == []
