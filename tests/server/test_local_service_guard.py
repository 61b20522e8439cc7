"""The server as a local service: only requests no web page can forge reach an operation.

Every check runs against a live `backup-api serve` and asserts what the server answered *and* that
nothing was restored, deleted or created (the assets and the backups are compared before and after).
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backup_api_client import AuthenticationError, BackupApiClient
from backup_api_server.api.guard import AccessPolicy, InvalidOrigin, normalize_origin
from tests.support.assets import asset_documents, create_backup, wait_for_creation
from tests.support.conformance import spec
from tests.support.live_server import LiveServer, running_server, serve_command

EVIL_ORIGIN = "https://evil.example"


def every_operation() -> list[tuple[str, str]]:
    """(method, path template) of every operation of the spec."""
    return sorted(
        (method.upper(), path)
        for path, item in spec()["paths"].items()
        for method in item
        if method in {"get", "post"}
    )


OPERATIONS = every_operation()


def stored_state(url: str) -> tuple[Any, Any]:
    """The assets and the backups, read the way an SDK reads them (no Origin, no Sec-Fetch-*)."""
    with httpx.Client(base_url=url, timeout=30) as http:
        return http.get("/assets").json(), http.get("/backups").json()


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    """A server holding assets and one completed backup (restoring it would change the assets)."""
    with running_server(tmp_path_factory.mktemp("guarded") / "data") as live:
        with httpx.Client(base_url=live.url, timeout=30) as http:
            backup_id = create_backup(http, asset_documents(3))
            other = create_backup(http, asset_documents(5))
            # Both finished before any test reads the "before" state.
            assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
            assert wait_for_creation(http, other)["value"] == "COMPLETED"
        yield live, backup_id


def send(url: str, method: str, template: str, backup_id: str, headers: dict[str, str]) -> httpx.Response:
    with httpx.Client(base_url=url, timeout=30) as http:
        return http.request(method, template.replace("{backup}", backup_id), headers=headers)


def assert_problem(response: httpx.Response, status: int, kind: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == status and problem["type"] == f"urn:backup-api:problem:{kind}"
    assert response.headers.get("connection") == "close"


@pytest.mark.parametrize(("method", "template"), OPERATIONS)
@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:1000", "localhost.attacker.example"])
def test_a_forged_host_is_refused_on_every_operation(
    guarded: tuple[LiveServer, str], method: str, template: str, host: str
) -> None:
    live, backup_id = guarded
    before = stored_state(live.url)

    response = send(live.url, method, template, backup_id, {"Host": host})

    assert_problem(response, 421, "host-not-allowed")
    assert stored_state(live.url) == before


@pytest.mark.parametrize(("method", "template"), OPERATIONS)
@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": EVIL_ORIGIN},
        {"Origin": "null"},
        # Another port of the same machine is another origin (the page the probe used).
        {"Origin": "http://127.0.0.1:8000"},
        {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"},
        {"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "no-cors"},
        # A rebinding page's Origin equals its Host: the Host check answers first.
        {"Origin": "http://attacker.example:1000", "Host": "attacker.example:1000"},
    ],
    ids=["evil", "null", "other-port", "cross-site", "same-site", "rebound"],
)
def test_browser_requests_from_other_origins_are_refused_on_every_operation(
    guarded: tuple[LiveServer, str], method: str, template: str, headers: dict[str, str]
) -> None:
    live, backup_id = guarded
    before = stored_state(live.url)

    response = send(live.url, method, template, backup_id, headers)

    if "Host" in headers:
        assert_problem(response, 421, "host-not-allowed")
    else:
        assert_problem(response, 403, "cross-site-request")
    assert stored_state(live.url) == before


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "LOCALHOST:1000",
        "app.localhost:8080",
        "[::1]:1000",
        "10.0.0.7",
        "localhost.",
    ],
)
def test_hosts_no_public_dns_can_point_here_are_answered(guarded: tuple[LiveServer, str], host: str) -> None:
    live, _ = guarded
    with httpx.Client(base_url=live.url, timeout=30) as http:
        assert http.get("/backups", headers={"Host": host}).status_code == 200


def test_requests_without_browser_headers_work_on_every_operation(guarded: tuple[LiveServer, str]) -> None:
    """What SDKs, curl and the CLI send: no Origin, no Sec-Fetch-*. None of them is refused."""
    live, backup_id = guarded
    for method, template in OPERATIONS:
        response = send(
            live.url, method, template, backup_id, {"User-Agent": "OpenAPI-Generator/1.0.0/python"}
        )
        assert response.status_code not in (401, 403, 421), (method, template, response.text)


def test_the_servers_own_origin_and_same_origin_fetches_are_answered(guarded: tuple[LiveServer, str]) -> None:
    live, _ = guarded
    own = live.url  # http://127.0.0.1:PORT
    with httpx.Client(base_url=live.url, timeout=30) as http:
        assert http.get("/backups", headers={"Origin": own}).status_code == 200
        assert http.get("/backups", headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200
        assert http.get("/backups", headers={"Sec-Fetch-Site": "none"}).status_code == 200


def test_allowed_origins_and_hosts_are_answered_with_cors(tmp_path: Path) -> None:
    page = "http://127.0.0.1:8000"
    with (
        running_server(
            tmp_path / "data", "--allow-origin", f"{page}/", "--allowed-host", "Backup.Internal"
        ) as live,
        httpx.Client(base_url=live.url, timeout=30) as http,
    ):
        preflight = http.options(
            "/backup",
            headers={
                "Origin": page,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        created = http.post("/backup", headers={"Origin": page})
        refused = http.post("/backup", headers={"Origin": EVIL_ORIGIN})
        by_name = http.get("/backups", headers={"Host": "backup.internal:1000"})
        wait_for_creation(http, created.headers["backup-id"])
        backups = http.get("/backups").json()["iterable"]

    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == page
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "access-control-allow-private-network" not in preflight.headers
    assert created.status_code == 202
    assert created.headers["access-control-allow-origin"] == page
    assert "Backup-Id" in created.headers["access-control-expose-headers"]
    assert refused.status_code == 403
    assert by_name.status_code == 200
    assert [backup["id"] for backup in backups] == [created.headers["backup-id"]]


def test_a_private_network_preflight_is_not_granted(tmp_path: Path) -> None:
    page = "http://127.0.0.1:8000"
    with running_server(tmp_path / "data", "--allow-origin", page) as live:
        response = httpx.options(
            f"{live.url}/backup",
            headers={
                "Origin": page,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Private-Network": "true",
            },
        )
    assert "access-control-allow-private-network" not in response.headers
    assert response.status_code >= 400


@pytest.mark.parametrize(
    ("origin", "normalized"),
    [
        ("http://LOCALHOST:3000/", "http://localhost:3000"),
        ("https://app.example:443", "https://app.example"),
        ("http://[::1]:80", "http://[::1]"),
    ],
)
def test_origins_are_normalized_as_browsers_send_them(origin: str, normalized: str) -> None:
    assert normalize_origin(origin) == normalized
    assert AccessPolicy.build(allowed_origins=[origin]).origin_is_allowed(normalized, "127.0.0.1:1000")


@pytest.mark.parametrize("origin", ["localhost:3000", "ftp://x", "http://x/app", "http://x:99999", "null"])
def test_an_invalid_allowed_origin_is_refused(origin: str) -> None:
    with pytest.raises(InvalidOrigin):
        normalize_origin(origin)


def test_serve_with_an_invalid_origin_exits_with_one_line(tmp_path: Path) -> None:
    completed = subprocess.run(
        serve_command("--port", "0", "--data-dir", str(tmp_path / "d"), "--allow-origin", "localhost:3000"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 2
    assert completed.stderr.count("\n") == 1 and "invalid --allow-origin" in completed.stderr


# The bearer token.


def test_serving_beyond_loopback_without_a_token_refuses_to_start(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "BACKUP_API_TOKEN"}
    for host in ("0.0.0.0", "::", "192.0.2.1"):
        completed = subprocess.run(
            serve_command("--host", host, "--port", "0", "--data-dir", str(tmp_path / "d")),
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert completed.returncode == 1, completed.stderr
        lines = completed.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(
            f"backup-api: refusing to listen on {host} without a token"
        )
        assert "Traceback" not in completed.stderr


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    token = "s3cret-token-0123456789"
    tmp_path = tmp_path_factory.mktemp("token")
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n", encoding="utf-8")
    token_file.chmod(0o600)  # serve refuses a token file others can read
    with running_server(tmp_path / "data", "--token-file", str(token_file)) as live:
        yield live, token


@pytest.mark.parametrize(("method", "template"), OPERATIONS)
def test_with_a_token_every_operation_needs_it(
    token_server: tuple[LiveServer, str], method: str, template: str
) -> None:
    live, token = token_server
    backup_id = "1.0.0_1"
    for authorization in (None, "Bearer wrong", f"Basic {token}", f"Bearer {token}x", token):
        headers = {} if authorization is None else {"Authorization": authorization}
        response = send(live.url, method, template, backup_id, headers)
        assert_problem(response, 401, "unauthorized")
        assert response.headers["www-authenticate"].startswith("Bearer")
    answered = send(live.url, method, template, backup_id, {"Authorization": f"Bearer {token}"})
    assert answered.status_code != 401


def test_the_client_and_the_cli_take_the_token(
    token_server: tuple[LiveServer, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live, token = token_server
    monkeypatch.delenv("BACKUP_API_TOKEN", raising=False)
    with BackupApiClient(base_url=live.url) as anonymous, pytest.raises(AuthenticationError):
        anonymous.backups.list()
    listed = httpx.get(f"{live.url}/backups", headers={"Authorization": f"Bearer {token}"}).json()
    expected = [backup["id"] for backup in listed["iterable"]]
    with BackupApiClient(base_url=live.url, api_key=token) as client:
        assert [backup.id for backup in client.backups.list().iterable] == expected
    monkeypatch.setenv("BACKUP_API_TOKEN", token)
    with BackupApiClient(base_url=live.url) as from_environment:
        assert [backup.id for backup in from_environment.backups.list().iterable] == expected
    listed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from backup_api_cli.main import main; main()",
            "backups",
            "list",
            "--url",
            live.url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "BACKUP_API_TOKEN": token},
    )
    assert listed.returncode == 0, listed.stderr


# Slow and half-sent requests.


def raw_request(url: str, data: bytes, timeout: float = 5.0) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=timeout)
    connection.sendall(data)
    return connection


def read_until_closed(connection: socket.socket, timeout: float) -> bytes:
    connection.settimeout(timeout)
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    return received


def test_after_an_early_answer_the_connection_is_closed_and_the_body_not_read(server: LiveServer) -> None:
    too_large = raw_request(
        server.url,
        b"POST /backup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 2147483648\r\n\r\n" + b"[" * 1000,
    )
    wrong_type = raw_request(
        server.url,
        b"POST /backup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
        b"Content-Length: 1000000\r\n\r\nabc",
    )
    with too_large, wrong_type:
        # Both end with the server closing the connection (recv returns b""), not waiting for bodies.
        answer = read_until_closed(too_large, timeout=5)
        other = read_until_closed(wrong_type, timeout=5)
    assert answer.startswith(b"HTTP/1.1 413 ") and b"connection: close" in answer.lower()
    assert other.startswith(b"HTTP/1.1 415 ")


@pytest.mark.slow
def test_half_sent_requests_neither_block_others_nor_stay_open(server: LiveServer) -> None:
    half_sent_count = 1000
    header_start = b"POST /backup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    half_sent = [raw_request(server.url, header_start) for _ in range(half_sent_count)]
    stalled_body = raw_request(server.url, header_start + b"Content-Length: 100\r\n\r\n" + b'{"iterable": [')
    opened_at = time.monotonic()
    try:
        started = time.monotonic()
        answer = httpx.get(f"{server.url}/backups", timeout=5)
        legitimate_seconds = time.monotonic() - started
        assert answer.status_code == 200
        assert legitimate_seconds < 1.0, f"a legitimate request took {legitimate_seconds:.2f} s"

        # The header read timeout (10 s) closes every half-sent request; the stalled body gets 408.
        stalled_answer = read_until_closed(stalled_body, timeout=20)
        assert stalled_answer.startswith(b"HTTP/1.1 408 "), stalled_answer[:200]
        for connection in half_sent[:50]:
            assert read_until_closed(connection, timeout=20) == b""
        closed_after = time.monotonic() - opened_at
        print(
            f"\n{half_sent_count} half-sent requests: a legitimate GET /backups answered in "
            f"{legitimate_seconds:.3f} s; half-sent connections closed after {closed_after:.1f} s"
        )
        assert 9.0 <= closed_after <= 16.0, closed_after
    finally:
        for connection in half_sent:
            connection.close()
        stalled_body.close()


# Memory: large bodies are parsed one at a time, and a body's values are bounded before parsing.


def peak_rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    assert match, status
    return int(match.group(1)) / 1024


def body_of(item: bytes, size: int) -> bytes:
    body = b'{"iterable":[' + item * ((size - 16) // len(item))
    return body[:-1] + b"]}"


def numbered_body_of(item: bytes, size: int) -> bytes:
    """`body_of` with `item`'s `%07d` numbered: every asset an id of its own (a repeated one is 422)."""
    count = (size - 16) // len(item % 0)
    body = b'{"iterable":[' + b"".join(item % number for number in range(count))
    return body[:-1] + b"]}"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the peak RSS from /proc")
def test_concurrent_64_mib_bodies_keep_memory_bounded(tmp_path: Path) -> None:
    """One large body is parsed at a time, and its documents are spooled to disk before the next
    is parsed: three accepted realistic bodies peaked at 660-770 MiB when parsed bodies and the
    documents of waiting creations were held in memory; one body alone peaks near 390 MiB."""
    import concurrent.futures

    size = 64 * 1024 * 1024 - 1024
    # The probe's body: 4.26 million tiny assets, and realistic ones under the value bound.
    tiny = body_of(b'{"id":"a"},', size)
    realistic = numbered_body_of(
        b'{"id":"asset-%07d","name":"hello world","content":"' + b"x" * 120 + b'"},', size
    )

    def post(url: str, body: bytes) -> httpx.Response:
        """POST, and again after `Retry-After` while the one large-body slot is taken (bounded)."""
        for _ in range(10):
            answer = httpx.post(
                f"{url}/backup", content=body, headers={"Content-Type": "application/json"}, timeout=120
            )
            if answer.status_code != 429:
                break
            time.sleep(float(answer.headers["Retry-After"]))
        return answer

    with running_server(tmp_path / "data") as live:
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            answers = list(
                pool.map(lambda body: post(live.url, body), [tiny, realistic, realistic, realistic])
            )
        accepted = [answer.headers["Backup-Id"] for answer in answers if answer.status_code == 202]
        with httpx.Client(base_url=live.url, timeout=30) as http:
            ended = [wait_for_creation(http, backup_id, timeout=120)["value"] for backup_id in accepted]
        peak = peak_rss_mib(live.process.pid)

    assert answers[0].status_code == 413
    # Every realistic body is accepted in the end (one that waited too long for the one large-body
    # slot got 429 with Retry-After, and was sent again).
    assert [answer.status_code for answer in answers[1:]] == [202, 202, 202]
    assert ended == ["COMPLETED"] * 3
    print(f"\nthree realistic 64 MiB bodies and one of 4.26 million tiny assets: peak RSS {peak:.0f} MiB")
    assert peak < 512, f"peak RSS {peak:.0f} MiB"


def test_the_value_bound_refuses_before_parsing(shared_server: LiveServer) -> None:
    body = b"[" + b"[]," * 2_100_000 + b"[]]"
    response = httpx.post(
        f"{shared_server.url}/backup", content=body, headers={"Content-Type": "application/json"}, timeout=60
    )
    assert response.status_code == 413
    assert "JSON values" in response.json()["detail"]
    assert json.loads(response.text)["type"] == "urn:backup-api:problem:payload-too-large"
