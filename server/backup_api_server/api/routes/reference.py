"""The API reference at `/docs`: the server's own spec (`/openapi.json`) rendered by Scalar, offline.

Scalar's browser bundle is vendored in `vendor/scalar-api-reference/` (copied from the npm package
`@scalar/api-reference` pinned in package-lock.json; tests/server/test_api_reference.py keeps the copy
equal to it), so the page works with Python alone, on a machine without Node or network. The page loads
nothing from anywhere but this server: Scalar's web fonts, telemetry, agent and MCP features are off,
and a Content-Security-Policy holds the page to its own origin.

`/docs` is not an operation of the API (`include_in_schema=False`): the spec's paths stay the spec's.
The server's access checks apply to it like to every path (with `--token`, so does the token).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from ... import contract

__all__ = ["router", "scalar_version"]

VENDORED = ("vendor", "scalar-api-reference")
BUNDLE = "standalone.js"
DOCS_PATH = "/docs"
SPEC_URL = "/openapi.json"
# What Scalar is told: the spec to read, and nothing that reaches beyond this server (its web fonts,
# usage data, AI agent, MCP, developer tools and test-request client are off).
SCALAR_CONFIGURATION: dict[str, Any] = {
    "url": SPEC_URL,
    "withDefaultFonts": False,
    "telemetry": False,
    "agent": {"disabled": True},
    "mcp": {"disabled": True},
    "showDeveloperTools": "never",
    "hideClientButton": True,
    "hideTestRequestButton": True,
    "defaultOpenAllTags": True,
    "documentDownloadType": "both",
}


def _vendored(name: str) -> bytes:
    return resources.files(__package__).joinpath(*VENDORED, name).read_bytes()


@cache
def scalar_version() -> str:
    """The vendored Scalar's version, from its npm manifest."""
    manifest = json.loads(_vendored("package.json"))
    return str(manifest["version"])


@cache
def _bundle() -> tuple[bytes, bytes]:
    """Scalar's bundle as is and gzipped (about a quarter of its 4 MB)."""
    plain = _vendored(BUNDLE)
    return plain, gzip.compress(plain, compresslevel=9, mtime=0)


def bundle_path() -> str:
    # The version in the path: a browser may keep the file for good, an upgrade changes the URL.
    return f"{DOCS_PATH}/assets/scalar-api-reference-{scalar_version()}.js"


def _start_script() -> str:
    # Not in an element with id `api-reference`: Scalar would mount one of its own there, with defaults.
    configuration = json.dumps(SCALAR_CONFIGURATION, separators=(",", ":"))
    # Code samples name the server the page came from, not the spec's example address.
    return (
        f"const configuration = {configuration};\n"
        'configuration.servers = [{url: window.location.origin, description: "This server"}];\n'
        'Scalar.createApiReference("#reference", configuration);\n'
    )


@cache
def _page() -> tuple[str, str]:
    """The page, and the Content-Security-Policy that lets it run its one inline script only (by the
    hash of the script element's exact text)."""
    title = f"{contract.spec_document()['info']['title']} {contract.spec_document()['info']['version']}"
    script = _start_script()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}: API reference</title>
<link rel="icon" href="data:,">
</head>
<body>
<noscript>The API reference needs JavaScript; the spec itself is at {SPEC_URL}.</noscript>
<div id="reference"></div>
<script src="{bundle_path()}"></script>
<script>{script}</script>
</body>
</html>
"""
    policy = "; ".join(
        (
            "default-src 'none'",
            f"script-src 'self' 'sha256-{digest}'",
            "style-src 'self' 'unsafe-inline'",  # Scalar sets styles inline
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )
    return page, policy


router = APIRouter(include_in_schema=False)


@router.get(DOCS_PATH)
async def api_reference() -> Response:
    page, policy = _page()
    return HTMLResponse(
        page,
        headers={
            "Content-Security-Policy": policy,
            "Cache-Control": "no-cache",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get(DOCS_PATH + "/assets/scalar-api-reference-{version}.js")
async def scalar_bundle(version: str, request: Request) -> Response:
    if version != scalar_version():
        raise HTTPException(status_code=404)  # answered as a problem document, like any unknown path
    plain, compressed = _bundle()
    headers = {
        "Cache-Control": "public, max-age=31536000, immutable",
        "Vary": "Accept-Encoding",
        "X-Content-Type-Options": "nosniff",
    }
    if "gzip" in request.headers.get("accept-encoding", "").lower():
        headers["Content-Encoding"] = "gzip"
        return Response(compressed, media_type="text/javascript; charset=utf-8", headers=headers)
    return Response(plain, media_type="text/javascript; charset=utf-8", headers=headers)
