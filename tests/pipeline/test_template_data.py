"""Each fact the templates render has one home, and the generated client agrees with it.

The templates state no fact of their own: method names, retry and long-running flags, lists and
streams come from the spec (codegen/backup_api_codegen/operations.py), the exception of each status
from the runtime, the exports from `_exceptions.__all__` (codegen/backup_api_codegen/template_data.py).
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest

import backup_api_client
from backup_api_client import _exceptions, client
from backup_api_codegen import _generator_internals as generator
from backup_api_codegen import operations, template_data
from backup_api_codegen.driver import GENERATOR_CONFIG, generate_into
from backup_api_codegen.template_data import TemplateDataError, collect, jinja_literal, render_module

from ._support import CLIENT_PACKAGE, CLIENT_PROJECT, OVERRIDES, REPO, copy_repo, spec_document

CONFIG = REPO / GENERATOR_CONFIG
RAISES_LINE = re.compile(r"^\s+(?P<error>\w+): \((?P<status>\d{3}|\dXX)\) ", re.MULTILINE)


@pytest.fixture(scope="module")
def facts() -> dict[str, Any]:
    return collect(spec_document(), OVERRIDES, CONFIG)


def test_the_data_module_gives_the_templates_the_data_unchanged() -> None:
    data = {
        "text": "quotes \" ' back\\slash {{ not }} {% raw %} %} \n newline ─ tree é",
        "numbers": [0, -1, 2.5, 1e-3],
        "flags": {"yes": True, "no": False},
        "by_status": {404: "NotFoundError", 500: "InternalServerError"},
        "nested": {"post": {"/backup/{backup}": {"operation_id": "backup", "idempotent": False}}},
    }
    name = template_data.DATA_TEMPLATE
    environment = jinja2.Environment(loader=jinja2.DictLoader({name: render_module(data)}))
    assert environment.get_template(name).module.backup_api == data  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        jinja_literal({"set": {1}})
    assert jinja_literal(None) == "none"


def test_every_operation_has_its_facts(facts: dict[str, Any]) -> None:
    for method, path, operation in spec_operations():
        found = facts["operations"][method][path]
        assert found["operation_id"] == operation["operationId"]
        assert found["idempotent"] is operation["x-idempotent"]
        assert found["long_running"] is operation.get("x-long-running", False)
        assert found["idempotency_key"] is operation.get("x-idempotency-key", False)


def test_the_runtime_facts_are_read_from_the_runtime(facts: dict[str, Any]) -> None:
    assert facts["exceptions"] == list(_exceptions.__all__)
    assert facts["status_errors"] == {
        code: _exceptions.error_class(code).__name__ for code in range(400, 600)
    }
    assert facts["servers"] == [server["url"] for server in spec_document()["servers"]]  # type: ignore[attr-defined]


def test_each_operation_is_the_client_method_its_facts_name(facts: dict[str, Any]) -> None:
    for method, path, operation in spec_operations():
        tag = generator.tag_identifier(operation["tags"][0])
        found = facts["operations"][method][path]
        module = generator.operation_identifier(operation["operationId"], "field_")
        for name in found["method_names"]:
            for prefix in ("", "Async"):
                resource = getattr(client, f"{prefix}{generator.class_name(tag, 'field_')}Resource")
                source = inspect.getsource(getattr(resource, name))
                assert f"from . import {module} as operation" in source, f"client.{tag}.{name}"


def test_method_names_come_from_x_method_name_or_the_operation_id() -> None:
    document = {
        "paths": {
            "/backups/prune": {"post": {"operationId": "backupsPrune", "tags": ["Backups"]}},
            "/assets/count": {
                "get": {"operationId": "countAssets", "tags": ["Assets"], "x-idempotent": True}
            },
            "/assets/total": {
                "get": {"operationId": "assetsTotal", "tags": ["Assets"], "x-method-name": "size"}
            },
        }
    }
    found = template_data.operations(document, "field_")
    assert found["post"]["/backups/prune"]["method_name"] == "prune"
    assert found["get"]["/assets/count"]["method_name"] == "count_assets"
    assert found["get"]["/assets/count"]["idempotent"] is True
    assert found["get"]["/assets/total"]["method_name"] == "size"


def test_the_spec_s_lists_and_stream_are_detected(facts: dict[str, Any]) -> None:
    lists = {path: found["list"] for path, found in facts["operations"]["get"].items() if found["list"]}
    assert sorted(lists) == ["/assets", "/backups"]
    assert lists["/assets"]["item"]["class"] == "Asset" and lists["/assets"]["body"]["class"] == "Assets"
    assert lists["/assets"]["next_cursor_header"] == "Next-Cursor"
    assert (
        lists["/backups"]["parameters"] == [["limit", False]]
        and lists["/backups"]["page_method"] == "list_page"
    )
    streams = [found["stream"] for by_path in facts["operations"].values() for found in by_path.values()]
    (stream,) = [each for each in streams if each]
    assert stream["name"] == "restore_stream" and stream["event"]["class"] == "BackupStreamedProgress"
    assert stream["terminal"] == ["COMPLETED", "FAILED", "CANCELED"] and not stream["only"]


def test_an_operation_without_the_next_cursor_header_is_not_a_list() -> None:
    document = spec_document()
    del document["paths"]["/backups"]["get"]["responses"]["200"]["headers"]  # type: ignore[index]
    found = template_data.operations(document, "field_")
    assert found["get"]["/backups"]["list"] is None
    assert found["get"]["/assets"]["list"] is not None


def test_two_operations_with_one_method_name_are_refused() -> None:
    document = spec_document()
    document["paths"]["/backups/{backup}/delete"]["post"]["x-method-name"] = "list_page"  # type: ignore[index]
    with pytest.raises(TemplateDataError, match=r"backupsList and backupsDeleteSpecificBackup would both be"):
        template_data.operations(document, "field_")


def test_an_extension_that_is_not_a_boolean_is_refused() -> None:
    document = {"paths": {"/x": {"get": {"operationId": "x", "x-idempotent": "yes"}}}}
    with pytest.raises(TemplateDataError, match=r"GET /x: x-idempotent must be true or false"):
        template_data.operations(document, "field_")


def test_the_package_exports_what_exceptions_exports() -> None:
    assert set(_exceptions.__all__) <= set(backup_api_client.__all__)
    module = ast.parse((CLIENT_PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    imported = next(
        node for node in module.body if isinstance(node, ast.ImportFrom) and node.module == "_exceptions"
    )
    assert [alias.name for alias in imported.names] == list(_exceptions.__all__)


def test_each_documented_error_names_the_exception_the_runtime_raises() -> None:
    documented = 0
    for path in generated_python():
        for match in RAISES_LINE.finditer(path.read_text(encoding="utf-8")):
            status = match["status"]
            first = int(status.replace("XX", "00"))
            codes = range(first, first + 100) if status.endswith("XX") else [first]
            names = {_exceptions.error_class(code).__name__ for code in codes}
            expected = names.pop() if len(names) == 1 else "APIStatusError"
            assert match["error"] == expected, f"{path.name}: {match[0].strip()}"
            documented += 1
    assert documented > 100


def test_the_readme_draws_the_exception_tree_of_the_runtime() -> None:
    readme = (CLIENT_PROJECT / "README.md").read_text(encoding="utf-8")
    tree = template_data.exception_tree(_exceptions.__doc__ or "")
    assert f"```\n{tree}\n```" in readme
    for name in _exceptions.__all__:
        assert name in tree


def spec_operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    return operations.spec_operations(spec_document())


def generated_python() -> list[Path]:
    return sorted(path for path in CLIENT_PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def test_the_statuses_drawn_in_the_tree_are_the_runtimes() -> None:
    """The tree in _exceptions' docstring (and so in the README) names statuses; they agree with
    error_class(), the one map."""
    drawn = re.findall(r"(\w+Error)\s+(\d{3}|5xx)\b", template_data.exception_tree(_exceptions.__doc__ or ""))
    assert len(drawn) >= 10
    for name, status in drawn:
        codes = range(500, 600) if status == "5xx" else [int(status)]
        assert {_exceptions.error_class(code).__name__ for code in codes} == {name}, f"{name} {status}"


@pytest.mark.slow
def test_a_spec_edit_of_an_extension_flows_into_the_client(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    spec = repo / "spec" / "backup-api.yaml"
    text = spec.read_text(encoding="utf-8")
    marked = "      operationId: backupsDeleteSpecificBackup\n"
    assert marked in text
    spec.write_text(text.replace(marked, marked + "      x-long-running: true\n"), encoding="utf-8")
    out = tmp_path / "generated"

    generate_into(out, repo)

    package = out / "backup-api-client" / "backup_api_client"
    module = (package / "api" / "backups" / "backups_delete_specific_backup.py").read_text(encoding="utf-8")
    assert "\nLONG_RUNNING = True\n" in module
    resource = (package / "api" / "backups" / "__init__.py").read_text(encoding="utf-8")
    delete = resource.split("    def delete(", 1)[1].split('"""', 2)[1]
    assert "Long-running" in delete


def test_x_idempotency_key_on_an_idempotent_operation_is_refused() -> None:
    document = spec_document()
    paths = document["paths"]
    assert isinstance(paths, dict)
    paths["/backups"]["get"]["x-idempotency-key"] = True
    with pytest.raises(TemplateDataError, match=r"GET /backups: x-idempotency-key marks an operation"):
        collect(document, OVERRIDES, CONFIG)


@pytest.mark.slow
def test_a_spec_edit_of_x_idempotency_key_flows_into_the_client(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    spec = repo / "spec" / "backup-api.yaml"
    text = spec.read_text(encoding="utf-8")
    marked = "      operationId: backupsDeleteSpecificBackup\n"
    assert marked in text and "      x-idempotency-key: true\n" in text.split(marked, 1)[1]
    after = text.split(marked, 1)[1].replace("      x-idempotency-key: true\n", "", 1)
    spec.write_text(text.split(marked, 1)[0] + marked + after, encoding="utf-8")
    out = tmp_path / "generated"

    generate_into(out, repo)

    package = out / "backup-api-client" / "backup_api_client"
    module = (package / "api" / "backups" / "backups_delete_specific_backup.py").read_text(encoding="utf-8")
    assert "\nIDEMPOTENCY_KEY = False\n" in module
    readme = (out / "backup-api-client" / "README.md").read_text(encoding="utf-8")
    keyed = readme.split("x-idempotency-key: true", 1)[1].split(")", 1)[0]
    assert "`client.backup.create`" in keyed and "`client.backups.delete`" not in keyed


def test_the_readme_documents_the_client_features() -> None:
    readme = (CLIENT_PROJECT / "README.md").read_text(encoding="utf-8")
    for feature in ("with_options(", "with_raw_response", "with_streaming_response", "BACKUP_API_LOG"):
        assert feature in readme, feature
    keyed = readme.split("x-idempotency-key: true", 1)[1].split(")", 1)[0]
    expected = {
        f"`client.{tag}.{name}`"
        for tag, name in [("backup", "create"), ("backup", "create_from_asset"), ("backups", "delete")]
    }
    assert set(re.findall(r"`client\.\w+\.\w+`", keyed)) == expected
