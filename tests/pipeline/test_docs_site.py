"""The client's documentation site (MkDocs Material + mkdocstrings, mkdocs.yml) builds with `--strict`:
no broken link, no unresolved reference, no docstring it cannot read. Its reference covers every
resource and model of the generated package, and it loads nothing from other hosts.
"""

from __future__ import annotations

import ast
import re
import time
import zlib
from pathlib import Path

import pytest

from backup_api_codegen.operations import spec_operations

from ._support import CLIENT_PACKAGE, CLIENT_PROJECT, REPO, output_of, run, spec_document, tool

pytestmark = pytest.mark.slow

DOCS = REPO / "docs"
BUILD_SECONDS_LIMIT = 120
# Material's notice about its end of life (it names its successor) is not a warning of the build.
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
GUIDES = ("index.md", "streamed-restore.md", "errors-and-retries.md")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    started = time.monotonic()
    completed = run([tool("mkdocs"), "build", "--strict", "--site-dir", out], cwd=REPO, env=MKDOCS_ENV)
    elapsed = time.monotonic() - started
    print(f"mkdocs build --strict: {elapsed:.1f} s")
    assert completed.returncode == 0, output_of(completed)
    assert elapsed < BUILD_SECONDS_LIMIT
    return out


def inventory(site: Path) -> set[str]:
    """The names mkdocstrings documented (objects.inv, Sphinx's format: a header, then zlib)."""
    data = (site / "objects.inv").read_bytes()
    _, _, compressed = data.partition(b"zlib.\n")
    return {line.split(" ", 1)[0] for line in zlib.decompress(compressed).decode().splitlines()}


def module_all(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            return [str(name) for name in value]
    raise AssertionError(f"{path} has no __all__")


def defines(path: Path, class_name: str) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.ClassDef) and node.name == class_name for node in tree.body)


def public_methods(path: Path, class_name: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    (found,) = (node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == class_name)
    return [
        node.name
        for node in found.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_")
    ]


def test_the_guides_are_there(site: Path) -> None:
    for guide in GUIDES:
        page = "index.html" if guide == "index.md" else f"{guide.removesuffix('.md')}/index.html"
        assert (site / page).is_file(), page
    streamed = (site / "streamed-restore" / "index.html").read_text(encoding="utf-8")
    assert "RestorationFailedError" in streamed and "restore_stream" in streamed
    errors = (site / "errors-and-retries" / "index.html").read_text(encoding="utf-8")
    assert "RETRYABLE_STATUS_CODES" in errors and "GoneError" in errors


def test_every_resource_model_and_error_is_documented(site: Path) -> None:
    documented = inventory(site)
    client_module = CLIENT_PACKAGE / "client.py"
    resources = [name for name in module_all(client_module) if name.endswith("Resource")]
    tags = {operation["tags"][0] for _, _, operation in spec_operations(spec_document())}
    assert len(resources) == 2 * len(tags)  # a sync and an async resource per tag of the spec
    for resource in resources:
        assert f"backup_api_client.client.{resource}" in documented
        # Defined in the tag's module (api/<tag>/__init__.py), documented where client.py re-exports it.
        (defined,) = (path for path in CLIENT_PACKAGE.glob("api/*/__init__.py") if defines(path, resource))
        for method in public_methods(defined, resource):
            assert f"backup_api_client.client.{resource}.{method}" in documented
        if resource.endswith("BackupResource"):  # the hand-written method, inherited
            assert f"backup_api_client.client.{resource}.restore_stream" in documented
    models = module_all(CLIENT_PACKAGE / "models" / "__init__.py")
    missing = [model for model in models if f"backup_api_client.models.{model}" not in documented]
    assert missing == [], f"models without a reference entry: {missing}"
    exceptions = module_all(CLIENT_PACKAGE / "_exceptions.py")
    assert [name for name in exceptions if f"backup_api_client._exceptions.{name}" not in documented] == []
    assert {"backup_api_client.BackupApiClient", "backup_api_client.AsyncBackupApiClient"} <= documented


def test_the_site_loads_nothing_from_other_hosts(site: Path) -> None:
    loads = re.compile(r"<(?:script|link|img)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", re.IGNORECASE)
    for page in site.rglob("*.html"):
        found = loads.search(page.read_text(encoding="utf-8"))
        assert found is None, f"{page.relative_to(site)} loads {found.group(0) if found else ''}"


def test_getting_started_shows_the_packages_first_example() -> None:
    """The example that tests/cli/test_readme.py runs against a live server, word for word."""

    def first_block(path: Path) -> str:
        blocks = re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)
        return str(blocks[0])

    assert first_block(DOCS / "index.md") == first_block(CLIENT_PROJECT / "README.md")
