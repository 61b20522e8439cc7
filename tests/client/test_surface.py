"""The public surface: what is exported, every operation of the spec reachable from the entry
point, `x-idempotent` carried into the code, lazy imports, the exception tree, typing."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

import backup_api_client
import backup_api_client.pagination
from backup_api_client import AsyncBackupApiClient, BackupApiClient, BackupApiError, _constants, _exceptions

from .conftest import BACKUP_ID, ScriptedServer, problem

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "spec" / "backup-api.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SUBMODULES = {"api", "client", "errors", "models", "types"}
# Imported when a list is first asked for, so present or not depending on the tests run before.
LAZY_SUBMODULES = {"pagination"}


def spec_operations(document: dict[str, Any] | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation) for every operation of the spec."""
    document = document or yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]


def operation_module(operation: dict[str, Any]) -> Any:
    # As the generator names them (its naming is read in one module of codegen).
    from backup_api_codegen._generator_internals import operation_identifier, tag_identifier

    tag = tag_identifier(operation["tags"][0])
    name = operation_identifier(operation["operationId"], prefix="field_")
    return importlib.import_module(f"backup_api_client.api.{tag}.{name}")


def test_the_public_surface_is_all() -> None:
    public = {name for name in dir(backup_api_client) if not name.startswith("_")} - LAZY_SUBMODULES
    assert public == (set(backup_api_client.__all__) - {"__version__"}) | SUBMODULES
    for name in backup_api_client.__all__:
        assert getattr(backup_api_client, name) is not None
    loaded = {name for name in vars(backup_api_client) if not name.startswith("_")} - LAZY_SUBMODULES
    assert loaded <= public
    assert (
        backup_api_client.__version__ == yaml.safe_load(SPEC.read_text(encoding="utf-8"))["info"]["version"]
    )
    with pytest.raises(AttributeError):
        backup_api_client.Client  # noqa: B018  # the generator's own client class is gone


def test_every_operation_declares_whether_it_is_idempotent_and_the_code_agrees() -> None:
    for method, path, operation in spec_operations():
        assert isinstance(operation.get("x-idempotent"), bool), f"{method} {path}: x-idempotent missing"
        module = operation_module(operation)
        assert module.IDEMPOTENT is operation["x-idempotent"], f"{method} {path}"
        assert operation["operationId"] == module.OPERATION_ID


@pytest.mark.parametrize("client_class", [BackupApiClient, AsyncBackupApiClient])
def test_every_operation_of_the_spec_is_reachable_from_the_client(
    server: ScriptedServer, client_class: type[BackupApiClient] | type[AsyncBackupApiClient]
) -> None:
    """Call every public method of every resource; together they must send every operation."""
    server.script(then=problem(404, "recorded"))
    reached: set[tuple[str, str]] = set()
    templates = {
        (method, path): re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
        for method, path, _ in spec_operations()
    }
    methods = resource_methods(client_class)
    assert methods, "no resource methods found"
    for resource, name, function in methods:
        arguments = [BACKUP_ID for parameter in required_parameters(function)]
        before = len(server.requests)
        call_one(client_class, server.url, resource, name, arguments)
        (seen,) = server.requests[before:]
        matches = [
            key
            for key, pattern in templates.items()
            if key[0] == seen.method and pattern.match(seen.path.partition("?")[0])
        ]
        assert len(matches) == 1, f"client.{resource}.{name} sent {seen.method} {seen.path}"
        reached.add(matches[0])
    assert reached == set(templates), f"not reachable: {sorted(set(templates) - reached)}"


def resource_methods(client_class: type[Any]) -> list[tuple[str, str, Any]]:
    client = client_class()
    found = []
    for resource in sorted(vars(client)):
        if resource.startswith("_"):
            continue
        for name, function in inspect.getmembers(type(getattr(client, resource)), inspect.isfunction):
            if not name.startswith("_"):
                found.append((resource, name, function))
    return found


def required_parameters(function: Any) -> list[inspect.Parameter]:
    return [
        parameter
        for name, parameter in inspect.signature(function).parameters.items()
        if name != "self" and parameter.default is inspect.Parameter.empty
    ]


def call_one(client_class: type[Any], url: str, resource: str, name: str, arguments: list[str]) -> None:
    import anyio

    # A streaming method returns its stream unopened; the request goes out when it is entered.
    if client_class is BackupApiClient:
        with BackupApiClient(url, max_retries=0) as client, pytest.raises(BackupApiError):
            result = getattr(getattr(client, resource), name)(*arguments)
            if hasattr(result, "__enter__"):
                with result:
                    pass
        return

    async def run() -> None:
        async with AsyncBackupApiClient(url, max_retries=0) as client:
            with pytest.raises(BackupApiError):
                result = getattr(getattr(client, resource), name)(*arguments)
                if inspect.isawaitable(result):
                    await result
                elif hasattr(result, "__aenter__"):
                    async with result:
                        pass

    anyio.run(run)


@pytest.mark.parametrize("client_class", [BackupApiClient, AsyncBackupApiClient])
def test_the_client_says_which_operations_retry_by_default_as_the_spec_does(
    client_class: type[BackupApiClient] | type[AsyncBackupApiClient],
) -> None:
    """Each resource method's docstring names its operation and whether it is idempotent."""
    line = re.compile(r"`([A-Z]+) (/\S*)`\. (Idempotent|Not idempotent)\b")
    said: dict[tuple[str, str], bool] = {}
    for resource, name, function in resource_methods(client_class):
        match = line.search(inspect.getdoc(function) or "")
        if match:  # hand-written methods (overrides/_custom.py) need not say it
            idempotent = match[3] == "Idempotent"
            assert said.setdefault((match[1], match[2]), idempotent) is idempotent, f"{resource}.{name}"
    spec = {(method, path): operation["x-idempotent"] for method, path, operation in spec_operations()}
    assert said == spec


def test_the_default_base_urls_are_the_specs_servers() -> None:
    document = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    servers = [server["url"] for server in document["servers"]]
    assert servers == [_constants.MACOS_WINDOWS_BASE_URL, _constants.LINUX_BASE_URL]
    assert "macOS and Windows" in document["servers"][0]["description"]
    assert "Linux" in document["servers"][1]["description"]
    assert {_constants.platform_base_url(name) for name in ("darwin", "win32")} == {servers[0]}
    assert {_constants.platform_base_url(name) for name in ("linux", "freebsd14")} == {servers[1]}
    assert _constants.platform_base_url(sys.platform) == backup_api_client.DEFAULT_BASE_URL


def test_the_exception_tree_in_the_docstring_is_the_class_hierarchy() -> None:
    doc = _exceptions.__doc__ or ""
    lines = [line for line in doc.splitlines() if re.search(r"^\s+BackupApiError\b|── \w", line)]
    drawn: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []
    for line in lines:
        match = re.search(r"(\w+Error)", line)
        assert match, line
        column, name = match.start(), match.group(1)
        while stack and stack[-1][0] >= column:
            stack.pop()
        drawn[name] = stack[-1][1] if stack else None
        stack.append((column, name))
    classes = {name: getattr(_exceptions, name) for name in _exceptions.__all__}
    assert set(drawn) == set(classes)
    for name, parent in drawn.items():
        expected = classes[parent] if parent else Exception
        assert classes[name].__bases__ == (expected,), name


def run_python(code: str) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_imports_are_lazy_and_the_client_never_imports_pydantic(server: ScriptedServer) -> None:
    facts = run_python(
        f"""
        import json, sys
        def loaded(*names): return {{name: name in sys.modules for name in names}}
        import backup_api_client
        package = "backup_api_client"
        facts = {{"package": loaded("httpx", "attrs", f"{{package}}.models", f"{{package}}.client")}}
        from backup_api_client import BackupApiClient, NotFoundError
        facts["client"] = loaded("httpx", "attrs", f"{{package}}.models", f"{{package}}.api")
        with BackupApiClient({server.url!r}) as client:
            backup = client.backup.get("{BACKUP_ID}")
        facts["call"] = loaded(
            "attrs", f"{{package}}.models.backup", f"{{package}}.api.backups.backups_list", "pydantic"
        )
        print(json.dumps(facts))
        """
    )
    assert facts == {
        "package": {
            "httpx": False,
            "attrs": False,
            "backup_api_client.models": False,
            "backup_api_client.client": False,
        },
        "client": {
            "httpx": True,
            # UNSET (the lists' defaults) lives in `_types`: the client needs no attrs.
            "attrs": False,
            "backup_api_client.models": False,
            # The tags' resources live in `api/<tag>/__init__.py`; their operations are lazy.
            "backup_api_client.api": True,
        },
        "call": {
            "attrs": True,
            "backup_api_client.models.backup": True,
            "backup_api_client.api.backups.backups_list": False,
            "pydantic": False,
        },
    }


def test_the_usage_example_passes_mypy_strict(tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path),
            "tests/client/typed_usage.py",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
