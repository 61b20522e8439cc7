"""The server's HTTP contract: routes, documented errors, and refusing bad input without losing anything."""

from __future__ import annotations

import hashlib
import json
import re
import socket
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from starlette.routing import BaseRoute, Route

from backup_api_server.api import create_app
from tests.support.assets import asset_documents, create_backup, wait_for_creation
from tests.support.conformance import backup_id_operations, spec
from tests.support.corruption import CORRUPTED_PROBLEM_TYPE, assert_sha256_refusal
from tests.support.live_server import LiveServer, running_server

UNKNOWN_ID = "1.0.0_1"
ID_OPERATIONS = backup_id_operations()


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under root with the sha256 of its bytes."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def stored_state(http: httpx.Client) -> tuple[Any, Any]:
    return http.get("/assets").json(), http.get("/backups").json()


def api_routes(routes: Iterable[BaseRoute]) -> Iterator[Route]:
    """Every operation route, also those of included routers (FastAPI includes them lazily), and
    the plain Starlette routes of the hot reads (`deps.add_plain_get`)."""
    for route in routes:
        if isinstance(route, Route):  # an APIRoute is a Route too
            yield route
        elif (router := getattr(route, "original_router", None)) is not None:
            yield from api_routes(router.routes)


def test_routes_are_exactly_the_spec_operations(tmp_path: Path) -> None:
    app = create_app(tmp_path)
    served = {
        (method, route.path)
        for route in api_routes(app.routes)
        if route.include_in_schema
        for method in route.methods or ()
    }
    documented = {
        (method.upper(), path)
        for path, item in spec()["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }
    assert served == documented


def test_every_operation_documents_the_errors_its_inputs_can_cause() -> None:
    for path, item in spec()["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "post"}:
                continue
            codes = set(operation["responses"])
            parameters = item.get("parameters", []) + operation.get("parameters", [])
            if parameters:
                assert "422" in codes, (method, path)
            if any(p.get("in") == "path" or p.get("$ref", "").endswith("/BackupId") for p in parameters):
                assert "404" in codes, (method, path)
            if "requestBody" in operation:
                assert {"400", "413", "415", "422"} <= codes, (method, path)
            for code, response in operation["responses"].items():
                if code.startswith(("4", "5")):
                    ref = response["$ref"].rsplit("/", 1)[-1]
                    content = spec()["components"]["responses"][ref]["content"]
                    assert list(content) == ["application/problem+json"], (method, path, code)


def test_the_published_spec_is_ours(http: httpx.Client) -> None:
    ours = yaml.safe_load(Path("spec/backup-api.yaml").read_text(encoding="utf-8"))
    assert http.get("/openapi.json").json() == ours
    assert yaml.safe_load(http.get("/openapi.yaml").text) == ours


@pytest.mark.parametrize(("method", "template"), ID_OPERATIONS)
def test_unknown_backup_is_404_problem(shared_http: httpx.Client, method: str, template: str) -> None:
    response = shared_http.request(method, template.format(id=UNKNOWN_ID))
    assert response.status_code == 404
    problem = response.json()
    assert problem["status"] == 404
    assert problem["type"] == "urn:backup-api:problem:not-found"
    assert UNKNOWN_ID in problem["detail"]
    assert set(problem) >= {"type", "title", "status", "detail"}


TRAVERSAL_IDS = [
    "..%2F..%2Fassets.db",
    "..%2F..",
    "%2Fetc%2Fpasswd",
    "1.0.0_1%00",
    "1.0.0_1%0A",
    "..",
    "1.0.0..1_2",
    "a%5C..%5Cb_1",
    "C:%5Cwindows_1",
    "1.0.0_" + "9" * 70,
]


@pytest.mark.parametrize("backup_id", TRAVERSAL_IDS)
@pytest.mark.parametrize(("method", "template"), ID_OPERATIONS)
def test_traversal_shaped_ids_are_refused_and_touch_nothing(
    shared_server: LiveServer, shared_http: httpx.Client, backup_id: str, method: str, template: str
) -> None:
    outside = shared_server.data_dir.parent
    before = tree_digest(outside)
    response = shared_http.request(method, template.format(id=backup_id))
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert tree_digest(outside) == before


def test_malformed_json_is_400(shared_http: httpx.Client) -> None:
    for body in (b"{", b'{"iterable": [}', b"NaN", b'{"iterable": [], "x": Infinity}', b"\xff\xfe"):
        response = shared_http.post("/backup", content=body, headers={"content-type": "application/json"})
        assert response.status_code == 400, body
        assert response.json()["type"] == "urn:backup-api:problem:malformed-json"


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"iterable": "not a list"},
        {"iterable": [{"name": "no id"}]},
        {"iterable": [{"id": 7}]},
        {"iterable": [{"id": "a", "created": {"value": "yesterday"}}]},
        {"iterable": [{"id": "a", "mechanism": "TELEPATHIC"}]},
        {"iterable": [{"id": "a", "schema": {"migration": "1", "semantic": "x"}}]},
        {"nothing": []},
    ],
)
def test_invalid_assets_are_422_and_nothing_is_created(shared_http: httpx.Client, body: Any) -> None:
    before = stored_state(shared_http)
    response = shared_http.post("/backup", json=body)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("body")
    assert stored_state(shared_http) == before


def test_an_id_sent_twice_is_422_naming_it_and_nothing_is_created(shared_http: httpx.Client) -> None:
    before = stored_state(shared_http)
    body = {"iterable": [{"id": "a-1", "name": "first"}, {"id": "b"}, {"id": "a-1", "name": "second"}]}
    response = shared_http.post("/backup", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    detail = response.json()["detail"]
    assert detail.startswith("body.iterable[2].id: 'a-1' is also the id of body.iterable[0]")
    assert stored_state(shared_http) == before
    assert shared_http.post("/backup", json={"iterable": [{"id": "a-1"}, {"id": "A-1"}]}).status_code == 202


def test_integral_floats_are_integers(http: httpx.Client) -> None:
    """`1.0` where the spec says integer is accepted, backed up and restored as the client sent it.

    Catches a creation that answers 202 and then fails or alters the document in the background
    (planted: the creation job re-validates documents with pydantic in strict mode, which refuses
    1.0 for an integer, so it ends FAILED): the old test asserted only the 202, sent before the
    job runs.
    """
    document = {"id": "a", "schema": {"migration": 1.0, "semantic": "MAJOR_0_MINOR_0_PATCH_1"}}
    response = http.post(
        "/backup/asset", content=json.dumps(document), headers={"content-type": "application/json"}
    )
    assert response.status_code == 202
    backup_id = response.headers["Backup-Id"]
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    assert http.post(f"/backup/{backup_id}/restore").status_code == 200
    # Equal as JSON numbers: 1.0 == 1, while a string or a missing field is not.
    assert http.get("/assets").json() == {"iterable": [document]}


def test_non_json_body_is_415(shared_http: httpx.Client) -> None:
    response = shared_http.post("/backup", content=b"iterable=1", headers={"content-type": "text/plain"})
    assert response.status_code == 415


def test_restore_body_must_name_the_same_backup(http: httpx.Client) -> None:
    backup_id = create_backup(http, asset_documents(3))
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    metadata = http.get(f"/backup/{backup_id}").json()
    other = dict(metadata, id="1.0.0_42")
    response = http.post(f"/backup/{backup_id}/restore", json=other)
    assert response.status_code == 409
    assert http.get("/assets").json() == {"iterable": []}
    assert http.post(f"/backup/{backup_id}/restore", json=metadata).status_code == 200


def test_cancels_with_nothing_in_progress_are_409(http: httpx.Client) -> None:
    backup_id = create_backup(http, asset_documents(2))
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    for path in (f"/backup/{backup_id}/creation/cancel", f"/backup/{backup_id}/restoration/cancel"):
        response = http.post(path)
        assert response.status_code == 409
        assert "progress" in response.json()["detail"]


def test_bodies_over_the_limit_are_413(tmp_path: Path) -> None:
    with (
        running_server(tmp_path / "data", "--max-body-bytes", "2048") as live,
        httpx.Client(base_url=live.url) as http,
    ):
        big = {"iterable": asset_documents(40)}
        response = http.post("/backup", json=big)
        assert response.status_code == 413
        assert response.headers["content-type"].startswith("application/problem+json")
        assert http.get("/backups").json() == {"iterable": []}
        # Without Content-Length the limit still holds while the body streams in.
        chunks = iter([json.dumps(big).encode()[i : i + 512] for i in range(0, 8192, 512)])
        response = http.post("/backup", content=chunks, headers={"content-type": "application/json"})
        assert response.status_code == 413


def test_corrupted_archive_is_refused_and_the_database_untouched(
    server: LiveServer, http: httpx.Client
) -> None:
    """A flipped byte: the restore is refused by the sha256 check, blocking and streamed alike.

    Catches the planted "sha256 comparison removed" (`ArchiveReader.verify` no longer compares
    digests): decoding then fails in zstd, still a `backup-corrupted` 409, and whenever zstd's
    message read "Restored data doesn't match checksum" the old `"checksum" in detail` passed.
    Now the detail must be the sha256 refusal.
    """
    original = asset_documents(5)
    first = create_backup(http, original)
    assert wait_for_creation(http, first)["value"] == "COMPLETED"
    assert http.post(f"/backup/{first}/restore").status_code == 200
    second = create_backup(http, asset_documents(50))
    assert wait_for_creation(http, second)["value"] == "COMPLETED"
    archives = [p for p in (server.data_dir / "backups").rglob("*") if p.is_file() and second in p.name]
    archive = max(archives, key=lambda p: p.stat().st_size)
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    response = http.post(f"/backup/{second}/restore")
    assert response.status_code == 409, response.text
    problem = response.json()
    assert problem["type"] == CORRUPTED_PROBLEM_TYPE
    assert_sha256_refusal(problem["detail"])
    # The streamed variant reports the same refusal as its terminal FAILED progress.
    final = http.post(f"/backup/{second}/restore/streamed").json()
    assert final["status"] == "FAILED"
    assert_sha256_refusal(final["detail"])
    assert http.get("/assets").json() == {"iterable": original}
    assert http.get(f"/backup/{second}/restoration/status").json()["value"] == "FAILED"


def test_location_points_at_the_new_backup(http: httpx.Client) -> None:
    backup_id = create_backup(http, asset_documents(1))
    assert re.fullmatch(spec()["components"]["schemas"]["BackupId"]["pattern"], backup_id)
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    assert http.get(f"/backup/{backup_id}").json()["id"] == backup_id


def test_an_id_with_a_trailing_newline_is_refused_by_the_pattern(shared_http: httpx.Client) -> None:
    # The pattern ends in `$`, which a regex search also matches before a final newline.
    response = shared_http.get("/backup/1.0.0_123%0A")
    assert response.status_code == 422
    assert "not a backup identifier" in response.json()["detail"]


def test_a_wrong_media_type_is_refused_before_the_body_is_read(shared_server: LiveServer) -> None:
    # Announce a megabyte, send ten bytes: only a server that answers before reading can reply.
    host, port = httpx.URL(shared_server.url).host, httpx.URL(shared_server.url).port
    with socket.create_connection((host, port), timeout=5) as connection:
        connection.sendall(
            b"POST /backup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
            b"Content-Length: 1000000\r\n\r\n" + b"x" * 10
        )
        status_line = connection.recv(4096).split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 415 Unsupported Media Type"


def test_status_answers_always_carry_value_and_percentage(http: httpx.Client) -> None:
    """Required in the spec for typed clients: a restoration that never ran sends `percentage: null`."""
    backup_id = create_backup(http, asset_documents(1))
    creation = wait_for_creation(http, backup_id)
    assert creation["value"] == "COMPLETED" and creation["percentage"] == 100.0
    restoration = http.get(f"/backup/{backup_id}/restoration/status").json()
    assert restoration["value"] == "UNKNOWN"
    assert "percentage" in restoration and restoration["percentage"] is None
    final = http.post(f"/backup/{backup_id}/restore/streamed").json()
    assert final["status"] == "COMPLETED" and final["percentage"] == 100.0
