"""The API reference at /docs: the server's own spec rendered by the vendored Scalar, fully offline.

The vendored bundle is the npm package package-lock.json pins, byte for byte; /docs is not an
operation of the spec; and in headless Chromium the page renders every operation's summary and the
spec's examples while asking nothing of any other host. The screenshots land in reports/.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml
from fastapi.routing import APIRoute

from backup_api_server.api.routes import reference as api_reference
from tests.support.browser import headless_chromium
from tests.support.live_server import LiveServer, running_server

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "spec" / "backup-api.yaml"
NPM_PACKAGE = REPO / "node_modules" / "@scalar" / "api-reference"
VENDORED = Path(api_reference.__file__).parent.joinpath(*api_reference.VENDORED)
REPORTS = REPO / "reports"
# The Backup example of the spec (components.schemas.Backup.examples), as the reference shows it.
BACKUP_EXAMPLE_ID = "1.0.0_1764253683123456"
PAGE_TIMEOUT_MS = 30_000


def spec() -> dict[str, object]:
    document = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def summaries() -> list[str]:
    paths = spec()["paths"]
    assert isinstance(paths, dict)
    return [
        operation["summary"]
        for item in paths.values()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with running_server(tmp_path_factory.mktemp("docs") / "data") as server:
        yield server


def test_the_vendored_scalar_is_the_pinned_npm_package() -> None:
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert api_reference.scalar_version() == pinned["@scalar/api-reference"]
    if not NPM_PACKAGE.exists():
        message = "@scalar/api-reference is not installed: run `npm ci` (./dev test does)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; in CI the vendored copy must be checked")
        pytest.skip(message)
    copies = {"standalone.js": "dist/browser/standalone.js", "package.json": "package.json"}
    for vendored, original in copies.items():
        assert (VENDORED / vendored).read_bytes() == (NPM_PACKAGE / original).read_bytes(), (
            f"{vendored} differs from the pinned npm package: see {VENDORED / 'README.md'}"
        )


def test_docs_is_not_an_operation() -> None:
    paths = spec()["paths"]
    assert isinstance(paths, dict)
    assert not any(path.startswith("/docs") for path in paths)
    routes = [route for route in api_reference.router.routes if isinstance(route, APIRoute)]
    assert {route.path for route in routes} == {"/docs", "/docs/assets/scalar-api-reference-{version}.js"}
    # Out of the schema: tests/server/test_http_contract.py's routes-equal-operations check holds.
    assert not any(route.include_in_schema for route in routes)


def test_the_page_and_the_bundle_come_from_the_server(live: LiveServer) -> None:
    with httpx.Client(base_url=live.url, timeout=30.0) as http:
        page = http.get("/docs")
        assert page.status_code == 200
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        policy = page.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "connect-src 'self'" in policy
        assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
        # Nothing on the page names another host; the bundle's URL carries its version.
        assert "://" not in page.text
        bundle = api_reference.bundle_path()
        assert f'<script src="{bundle}">' in page.text
        assert bundle.endswith(f"-{api_reference.scalar_version()}.js")

        vendored = (VENDORED / "standalone.js").read_bytes()
        compressed = http.get(bundle, headers={"Accept-Encoding": "gzip"})
        assert compressed.headers["content-encoding"] == "gzip"
        assert compressed.content == vendored  # httpx decodes it
        assert int(compressed.headers["content-length"]) < len(vendored) / 2
        plain = http.get(bundle, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers
        assert plain.content == vendored
        assert "immutable" in plain.headers["cache-control"]

        stale = http.get("/docs/assets/scalar-api-reference-0.0.1.js")
        assert stale.status_code == 404
        assert stale.headers["content-type"] == "application/problem+json"


def test_gzip_of_the_bundle_is_deterministic() -> None:
    _, compressed = api_reference._bundle()
    assert gzip.decompress(compressed) == (VENDORED / "standalone.js").read_bytes()


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_the_reference_renders_in_a_browser_offline(live: LiveServer) -> None:
    requested: list[str] = []
    problems: list[str] = []
    with headless_chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda request: requested.append(request.url))
        page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.set_default_timeout(PAGE_TIMEOUT_MS)

        page.goto(f"{live.url}/docs", wait_until="load")
        for summary in summaries():
            page.get_by_text(summary, exact=True).first.wait_for(state="visible")
        # No wait for "network idle": on a loaded machine Chromium may not report it within the timeout
        # although the page is complete; the requests are checked as a whole at the end instead.
        REPORTS.mkdir(exist_ok=True)
        page.screenshot(path=REPORTS / "api-reference.png")

        # An operation's examples: the spec's Backup example is the answer it shows.
        page.get_by_text("Get a backup's metadata", exact=True).first.click()
        page.get_by_text(f'"{BACKUP_EXAMPLE_ID}"').first.wait_for(state="visible")
        page.get_by_text('"workstation"').first.wait_for(state="visible")
        page.screenshot(path=REPORTS / "api-reference-operation.png")
        page.close()

    own = re.compile(rf"^{re.escape(live.url)}/")
    assert requested and all(own.match(url) for url in requested), [u for u in requested if not own.match(u)]
    assert {url.removeprefix(live.url) for url in requested} == {
        "/docs",
        api_reference.bundle_path(),
        "/openapi.json",
    }
    assert problems == []
    assert (REPORTS / "api-reference.png").stat().st_size > 10_000
