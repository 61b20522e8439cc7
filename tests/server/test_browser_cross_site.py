"""A web page from another origin, in a real browser, cannot touch the server's assets or backups.

Headless Chromium opens an attacking page served from another origin on 127.0.0.1 (another port).
The page fires, one after the other, the requests any page can send without a CORS preflight:
restore, delete and create through a no-cors `fetch`, an auto-submitted urlencoded form, a
`text/plain` form (the JSON-smuggling trick) and a multipart form (each into a hidden iframe), and a
no-cors read of the assets. Each request is tagged `?via=<label>` (the API ignores query strings),
so the server's access log shows what the server answered to each: that is the evidence, not the
page's own view (no-cors answers are opaque to it). The same page from an origin the server was
started with (`--allow-origin`) gets through.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Browser

from tests.support.assets import asset_documents, create_backup, seed_database, wait_for_creation
from tests.support.browser import headless_chromium, serving_page
from tests.support.live_server import LiveServer, running_server
from tests.support.waiting import poll

pytestmark = [pytest.mark.slow, pytest.mark.timeout(60)]

DOCUMENTS = asset_documents(5)
RESTORED_DOCUMENTS = DOCUMENTS[:2]
TECHNIQUES = ("fetch", "form-urlencoded", "form-text", "form-multipart")
# Restorations first, creations last: a restoration is refused (409) while a creation runs.
ACTIONS = ("restore", "delete", "create")
PAGE_DEADLINE_MS = 30_000
# uvicorn's access line: `127.0.0.1:50000 - "POST /backup?via=fetch-create HTTP/1.1" 403`.
ACCESS_LINE = re.compile(r'"[A-Z]+ [^ ?"]*\?via=(?P<via>[\w-]+) HTTP/[\d.]+" (?P<status>\d{3})')

# The plan (API URL and steps) comes in the fragment, so the page is served before the API server
# starts (which needs the page's origin for --allow-origin). Every step ends within STEP_MS.
ATTACK_PAGE = """<!doctype html>
<html>
<head><meta charset="utf-8"><title>cute cats</title></head>
<body>
<script>
const STEP_MS = 4000;
const NO_LOAD_MS = 1500;
const plan = JSON.parse(decodeURIComponent(location.hash.slice(1)));
// An empty urlencoded form posts an empty body, which the API takes as "no body": the most
// damaging form. The text/plain form smuggles JSON: name + "=" + value is a JSON document.
const FORMS = {
  "form-urlencoded": ["application/x-www-form-urlencoded", []],
  "form-text": ["text/plain", [['{"iterable":[],"padding":"', '"}']]],
  "form-multipart": ["multipart/form-data", [["iterable", "[]"]]],
};

async function viaFetch(step, url) {
  try {
    await fetch(url, {method: step.method, mode: "no-cors", signal: AbortSignal.timeout(STEP_MS)});
    return "settled";
  } catch (error) {
    return "failed: " + error;
  }
}

function viaForm(step, url) {
  const [enctype, fields] = FORMS[step.technique];
  const frame = document.createElement("iframe");
  frame.name = step.via;
  frame.hidden = true;
  document.body.append(frame);
  const form = document.createElement("form");
  form.method = "post";
  form.enctype = enctype;
  form.action = url;
  form.target = frame.name;
  for (const [name, value] of fields) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  return new Promise((resolve) => {
    // A 204 answer leaves the frame where it was: no load event comes, so stop waiting after a while.
    const timer = setTimeout(() => resolve("no page loaded"), NO_LOAD_MS);
    frame.addEventListener("load", () => {
      // Loaded from the API's origin (or an error page): no longer readable from here.
      if (frame.contentDocument === null) {
        clearTimeout(timer);
        resolve("loaded");
      }
    });
    form.submit();
  });
}

(async () => {
  const results = {};
  for (const step of plan.steps) {
    const url = plan.api + step.path + "?via=" + step.via;
    results[step.via] = await (step.technique === "fetch" ? viaFetch(step, url) : viaForm(step, url));
  }
  window.results = results;
  document.title = "fired";
})();
</script>
</body>
</html>
"""


def attack_steps(restore_target: str, victims: dict[str, str]) -> list[dict[str, str]]:
    """What the page sends, in order: a read, then every technique against every action."""
    steps = [{"via": "fetch-read", "technique": "fetch", "method": "GET", "path": "/assets"}]
    for action in ACTIONS:
        for technique in TECHNIQUES:
            path = {
                "restore": f"/backup/{restore_target}/restore",
                "delete": f"/backups/{victims[technique]}/delete",
                "create": "/backup",
            }[action]
            via = f"{technique}-{action}"
            steps.append({"via": via, "technique": technique, "method": "POST", "path": path})
    return steps


def make_backups(http: httpx.Client) -> tuple[str, dict[str, str]]:
    """A backup of two of the assets (restoring it would change the database) and one backup per
    technique for that technique's delete; all completed."""
    restore_target = create_backup(http, RESTORED_DOCUMENTS)
    victims = {technique: create_backup(http, None) for technique in TECHNIQUES}
    for backup_id in (restore_target, *victims.values()):
        assert wait_for_creation(http, backup_id, timeout=20)["value"] == "COMPLETED"
    return restore_target, victims


def backup_ids(http: httpx.Client) -> list[str]:
    response = http.get("/backups")
    assert response.status_code == 200, response.text
    return sorted(backup["id"] for backup in response.json()["iterable"])


def assets(http: httpx.Client) -> Any:
    response = http.get("/assets")
    assert response.status_code == 200, response.text
    return response.json()


def open_attack_page(browser: Browser, page_url: str, api_url: str, steps: list[dict[str, str]]) -> Any:
    """Let the page fire every step; what the page itself saw of each (opaque: settled or not)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        plan = json.dumps({"api": api_url, "steps": steps})
        page.goto(f"{page_url}/#{quote(plan)}", timeout=10_000)
        page.wait_for_function("document.title === 'fired'", timeout=PAGE_DEADLINE_MS)
        return page.evaluate("window.results")
    finally:
        context.close()


def server_answers(live: LiveServer, steps: list[dict[str, str]]) -> dict[str, list[int]]:
    """The statuses the server answered to each step, from its access log (every step appears)."""

    def answered() -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for line in list(live.log):
            match = ACCESS_LINE.search(line)
            if match:
                found.setdefault(match["via"], []).append(int(match["status"]))
        return found

    expected = {step["via"] for step in steps}
    return poll(answered, lambda found: expected <= found.keys(), timeout=5, what="access log lines")[-1]


def test_a_page_from_another_origin_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    seed_database(data_dir, DOCUMENTS)
    with (
        headless_chromium() as browser,
        serving_page(ATTACK_PAGE) as page_url,
        running_server(data_dir, access_log=True) as live,
        httpx.Client(base_url=live.url, timeout=10.0) as http,
    ):
        restore_target, victims = make_backups(http)
        assets_before = assets(http)
        backups_before = backup_ids(http)
        assert assets_before == {"iterable": DOCUMENTS}
        assert len(backups_before) == 1 + len(TECHNIQUES)
        steps = attack_steps(restore_target, victims)

        seen_by_page = open_attack_page(browser, page_url, live.url, steps)

        answers = server_answers(live, steps)
        assets_after = assets(http)
        backups_after = backup_ids(http)
        assert answers == {step["via"]: [403] for step in steps}, f"page saw {seen_by_page}"
        assert assets_after == assets_before
        assert backups_after == backups_before


def test_a_page_from_an_allowed_origin_gets_through(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    seed_database(data_dir, DOCUMENTS)
    with (
        headless_chromium() as browser,
        serving_page(ATTACK_PAGE) as page_url,
        running_server(data_dir, "--allow-origin", page_url, access_log=True) as live,
        httpx.Client(base_url=live.url, timeout=10.0) as http,
    ):
        restore_target, victims = make_backups(http)
        steps = attack_steps(restore_target, victims)

        seen_by_page = open_attack_page(browser, page_url, live.url, steps)

        answers = server_answers(live, steps)
        assert answers == {
            # A no-cors GET carries no Origin, only Sec-Fetch-Site: same-site: refused even here.
            # A page of an allowed origin reads with a CORS request, which carries its Origin.
            "fetch-read": [403],
            "fetch-restore": [200],
            "form-urlencoded-restore": [200],
            # Past the guard, the API itself refuses bodies that are not JSON.
            "form-text-restore": [415],
            "form-multipart-restore": [415],
            **{f"{technique}-delete": [204] for technique in TECHNIQUES},
            "fetch-create": [202],
            "form-urlencoded-create": [202],
            "form-text-create": [415],
            "form-multipart-create": [415],
        }, f"page saw {seen_by_page}"
        assert assets(http) == {"iterable": RESTORED_DOCUMENTS}
        # The two accepted creations complete; the deleted backups are gone.
        seen = poll(lambda: backup_ids(http), lambda ids: len(ids) == 3, timeout=20, what="two new backups")
        after = seen[-1]
        assert restore_target in after
        assert not set(victims.values()) & set(after)
