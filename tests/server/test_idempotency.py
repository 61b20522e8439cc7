"""Idempotency-Key: a repeated key gets the first answer and nothing runs twice; a key reused for
another request is 422, a key still being answered 409; the window is bounded in time and count,
and the spec states the same bounds as settings.py."""

from __future__ import annotations

import asyncio
import re
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from backup_api_server import settings
from backup_api_server.api import create_app
from backup_api_server.api.idempotency import (
    KEY_IN_USE,
    KEY_REUSED,
    REPLAYED_HEADER,
    Answer,
    IdempotencyKeys,
    honours_key,
)
from backup_api_server.problems import Problem
from tests.support.assets import asset_documents, create_backup, wait_for_creation
from tests.support.conformance import spec

ANSWER = Answer(202, (("location", "/backup/1.0.0_1"), ("backup-id", "1.0.0_1")), b"")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


# The store on its own.


def test_a_finished_key_answers_the_remembered_answer() -> None:
    keys = IdempotencyKeys()
    assert keys.begin("k", "request") is None
    keys.finish("k", "request", ANSWER)
    assert keys.begin("k", "request") == ANSWER
    assert len(keys) == 1


def test_a_key_still_being_answered_is_409_and_one_reused_is_422() -> None:
    keys = IdempotencyKeys()
    assert keys.begin("k", "request") is None
    with pytest.raises(Problem) as in_use:
        keys.begin("k", "request")
    assert (in_use.value.status, in_use.value.type) == (409, KEY_IN_USE)
    with pytest.raises(Problem) as reused:
        keys.begin("k", "another request")
    assert (reused.value.status, reused.value.type) == (422, KEY_REUSED)


def test_an_abandoned_key_runs_again() -> None:
    keys = IdempotencyKeys()
    assert keys.begin("k", "request") is None
    keys.abandon("k", "request")
    assert len(keys) == 0
    assert keys.begin("k", "request") is None


def test_keys_are_forgotten_after_the_window() -> None:
    clock = Clock()
    keys = IdempotencyKeys(window=60.0, clock=clock)
    assert keys.begin("k", "request") is None
    keys.finish("k", "request", ANSWER)
    clock.now += 59.9
    assert keys.begin("k", "request") == ANSWER
    clock.now += 0.2
    assert len(keys) == 0
    assert keys.begin("k", "request") is None  # runs again


def test_at_most_max_keys_are_kept_the_oldest_dropped_first() -> None:
    keys = IdempotencyKeys(max_keys=3)
    for name in "abcd":
        assert keys.begin(name, "request") is None
        keys.finish(name, "request", ANSWER)
    assert len(keys) == 3
    assert keys.begin("a", "request") is None  # forgotten: runs again
    assert keys.begin("d", "request") == ANSWER


def test_the_spec_marks_which_operations_honour_a_key() -> None:
    marked = {
        operation["operationId"]
        for item in spec()["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and operation.get("x-idempotency-key") is True
    }
    assert marked == {"backup", "backupAsset", "backupsDeleteSpecificBackup"}
    for operation_id in marked:
        assert honours_key(operation_id)
    assert not honours_key("backupRestoreSpecificBackup")


def test_the_spec_states_the_bounds_of_settings() -> None:
    text = " ".join(spec()["info"]["description"].split())
    hours = settings.IDEMPOTENCY_WINDOW_SECONDS / 3600
    assert f"for {hours:g} hours" in text
    assert f"at most {settings.IDEMPOTENCY_MAX_KEYS:,} keys" in text
    assert f"1 to {settings.IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters" in text


def test_only_non_idempotent_operations_are_marked() -> None:
    for item in spec()["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("x-idempotency-key"):
                assert operation["x-idempotent"] is False, operation["operationId"]


# Over HTTP, against the live server.


def test_a_repeated_creation_gets_the_first_answer_and_creates_nothing(http: httpx.Client) -> None:
    headers = key()
    body = {"iterable": asset_documents(2)}
    first = http.post("/backup", json=body, headers=headers)
    again = http.post("/backup", json=body, headers=headers)
    assert first.status_code == again.status_code == 202
    assert again.headers["Backup-Id"] == first.headers["Backup-Id"]
    assert again.headers["Location"] == first.headers["Location"]
    assert REPLAYED_HEADER not in first.headers
    assert again.headers[REPLAYED_HEADER] == "true"
    assert wait_for_creation(http, first.headers["Backup-Id"])["value"] == "COMPLETED"
    assert [backup["id"] for backup in http.get("/backups").json()["iterable"]] == [
        first.headers["Backup-Id"]
    ]
    # Another key is another request.
    other = http.post("/backup", json=body, headers=key())
    assert other.headers["Backup-Id"] != first.headers["Backup-Id"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/backup", {"iterable": asset_documents(1)}),  # another body
        ("/backup", None),  # no body: the whole database
        ("/backup/asset", asset_documents(2)[0]),  # another operation
    ],
)
def test_a_key_reused_for_another_request_is_422(
    shared_http: httpx.Client, path: str, body: dict[str, Any] | None
) -> None:
    headers = key()
    assert (
        shared_http.post("/backup", json={"iterable": asset_documents(2)}, headers=headers).status_code == 202
    )
    response = shared_http.post(path, json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["type"] == KEY_REUSED
    assert "Idempotency-Key" in response.json()["detail"]


def test_a_repeated_deletion_gets_its_first_answer_not_410(http: httpx.Client) -> None:
    backup_id = create_backup(http, asset_documents(1))
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    headers = key()
    assert http.post(f"/backups/{backup_id}/delete", headers=headers).status_code == 204
    again = http.post(f"/backups/{backup_id}/delete", headers=headers)
    assert again.status_code == 204 and again.headers[REPLAYED_HEADER] == "true"
    assert http.post(f"/backups/{backup_id}/delete").status_code == 410  # no key: the state speaks
    assert http.post(f"/backups/{backup_id}/delete", headers=key()).status_code == 410


def test_an_error_answer_is_not_remembered(http: httpx.Client) -> None:
    headers = key()
    assert http.post(f"/backups/{'1.0.0_1'}/delete", headers=headers).status_code == 404
    backup_id = create_backup(http, asset_documents(1))
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    # The same key on another path is another request; the 404 left nothing behind to collide with.
    assert http.post(f"/backups/{backup_id}/delete", headers=headers).status_code == 204


@pytest.mark.parametrize("value", ["", "x" * (settings.IDEMPOTENCY_KEY_MAX_LENGTH + 1), "two words", "ключ"])
def test_a_malformed_key_is_422(shared_http: httpx.Client, value: str) -> None:
    response = shared_http.post(
        "/backup", json={"iterable": []}, headers=[(b"Idempotency-Key", value.encode())]
    )
    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["detail"]


def test_operations_that_do_not_honour_a_key_ignore_it(http: httpx.Client) -> None:
    backup_id = create_backup(http, asset_documents(1))
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    headers = key()
    for _ in range(2):
        response = http.post(f"/backup/{backup_id}/restore", headers=headers)
        assert response.status_code == 200 and REPLAYED_HEADER not in response.headers


# A duplicate that arrives while the first request is being answered (in process, so the engine can
# be held at the start of the creation).


@pytest.fixture
def held_app(tmp_path: Path) -> Iterator[tuple[Any, threading.Event, list[str]]]:
    from backup_api_server.api.application import open_engine

    engine = open_engine(tmp_path / "data")
    release = threading.Event()
    started: list[str] = []
    start_creation = engine.start_creation

    def held(assets: Any) -> str:
        started.append("started")
        assert release.wait(10)
        return start_creation(assets)

    engine.start_creation = held  # type: ignore[method-assign]
    app = create_app(tmp_path / "data", engine=engine)
    app.state.engine = engine
    try:
        yield app, release, started
    finally:
        release.set()
        engine.close()


@pytest.mark.anyio
async def test_a_duplicate_while_the_first_is_answered_is_409(
    held_app: tuple[Any, threading.Event, list[str]],
) -> None:
    app, release, started = held_app
    headers = key()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        first = asyncio.create_task(http.post("/backup", json={"iterable": []}, headers=headers))
        while not started:
            await asyncio.sleep(0.01)
        duplicate = await http.post("/backup", json={"iterable": []}, headers=headers)
        assert duplicate.status_code == 409
        assert duplicate.json()["type"] == KEY_IN_USE
        release.set()
        answered = await first
        assert answered.status_code == 202
        replayed = await http.post("/backup", json={"iterable": []}, headers=headers)
        assert replayed.headers["Backup-Id"] == answered.headers["Backup-Id"]
    assert started == ["started"]  # the engine was asked once


def test_the_spec_documents_the_problem_types() -> None:
    text = yaml.safe_dump(spec())
    for problem_type in (KEY_IN_USE, KEY_REUSED):
        assert re.search(re.escape(problem_type), text)
