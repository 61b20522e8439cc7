"""A real browser for tests: Debian's headless Chromium driven by Playwright, and a page server.

Playwright's own browser download needs its CDN, which CI cannot reach, so the system's `chromium`
(Debian package `chromium`; `.ci/run` installs it) is launched instead. Without it a test skips with
one line, except in CI (`CI` set), where it fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.support.http_server import BackgroundServer

LAUNCH_TIMEOUT_MS = 20_000
# Headless, as root in a container (no sandbox), and quiet: nothing but the test's own traffic.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
)


def require_chromium() -> str:
    """The path of the system's Chromium; skips (fails in CI) with one line when there is none."""
    path = shutil.which("chromium")
    if path is not None:
        return path
    message = "chromium is not on PATH, so the real-browser tests cannot run (apt install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; in CI they must run", pytrace=False)
    pytest.skip(message)


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """A headless Chromium, closed (with its driver) on exit."""
    executable = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=list(CHROMIUM_ARGS), timeout=LAUNCH_TIMEOUT_MS
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def serving_page(html: str) -> Iterator[str]:
    """Serve `html` at `/` on 127.0.0.1 and a free port (its own origin) until exit; yields its URL."""
    body = html.encode()

    class PageHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = BackgroundServer(PageHandler, name="page-server")
    try:
        yield server.url
    finally:
        server.stop()
