"""The HTTP layer: every operation of spec/backup-api.yaml, on top of :class:`BackupEngine`."""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from backup_api_server_models import (
    Backup,
    Backups,
    BackupStatus,
    BackupStreamedProgress,
)

from . import api_reference, contract
from .engine import BackupEngine, Status
from .errors import (
    BackupCorrupted,
    BackupGone,
    BackupNotFound,
    EngineError,
    OperationCancelled,
    OperationConflict,
)
from .guard import AccessPolicy, secure
from .problems import Problem, problem_response
from .settings import (
    BODY_IDLE_TIMEOUT_SECONDS,
    BODY_TOTAL_TIMEOUT_SECONDS,
    DEFAULT_MAX_BODY_BYTES,
    LARGE_BODY_BYTES,
    LARGE_BODY_WAIT_SECONDS,
    MAX_CONCURRENT_LARGE_BODIES,
    MAX_JSON_VALUES,
)
from .streaming import final_progress, restoration_event_stream, wants_event_stream

JSON_MEDIA_TYPES = ("application/json", "application/problem+json")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# A `\uD800`-`\uDFFF` escape in the raw body: only then can a decoded string hold a lone surrogate.
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
SURROGATE = re.compile("[\ud800-\udfff]")
# On an answer given before the body was read whole: the rest of it is not read, the connection ends.
CLOSE_CONNECTION = {"Connection": "close"}


def _json(model: Any, status_code: int = 200) -> Response:
    body = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return JSONResponse(body, status_code=status_code)


def _status_model(status: Status) -> BackupStatus:
    return BackupStatus.model_validate(
        {"backup": status.backup, "percentage": status.percentage, "value": status.value}
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


class NotInteroperable(ValueError):
    """Well-formed JSON that no interoperable (I-JSON, RFC 7493) reader can take as sent."""


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise NotInteroperable(f"the number {text[:40]} is beyond the range of a double")
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # longer than the interpreter's integer string limit
        raise NotInteroperable(f"an integer of {len(text)} digits is beyond any precision kept") from None


def _lone_surrogate(document: Any) -> str | None:
    """Where `document` holds a string with an unpaired surrogate (not Unicode text), if anywhere."""
    pending: list[tuple[str, Any]] = [("body", document)]
    while pending:
        location, value = pending.pop()
        if isinstance(value, str) and SURROGATE.search(value):
            return location
        if isinstance(value, dict):
            for key, item in value.items():
                if SURROGATE.search(key):
                    return f"{location} (a key)"
                pending.append((f"{location}[{key!r}]", item))
        elif isinstance(value, list):
            pending.extend((f"{location}[{index}]", item) for index, item in enumerate(value))
    return None


def _concrete_paths() -> dict[str, tuple[str, ...]]:
    """Each path of the spec that has no template, with the methods it documents."""
    return {
        path: tuple(method.upper() for method in item if method in HTTP_METHODS)
        for path, item in contract.spec_document()["paths"].items()
        if "{" not in path
    }


class ConcretePathsFirst:
    """OpenAPI matches a concrete path before a templated one, so `GET /backup/asset` asks the
    concrete `/backup/asset` for a method it lacks (405 with `Allow`), never `GET /backup/{backup}`
    for a backup named `asset`. Starlette would route it to the template: this answers first."""

    def __init__(self, app: ASGIApp, paths: dict[str, tuple[str, ...]]) -> None:
        self.app = app
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            methods = self.paths.get(scope["path"])
            if methods is not None and scope["method"] not in methods:
                allow = ", ".join(methods)
                response = problem_response(
                    405,
                    f"{scope['method']} is not allowed on {scope['path']}; allowed: {allow}.",
                    instance=scope["path"],
                    headers={"Allow": allow},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _engine_problem(error: EngineError) -> Problem:
    if isinstance(error, BackupGone):
        return Problem(410, error.detail)
    if isinstance(error, BackupNotFound):
        return Problem(404, error.detail)
    if isinstance(error, BackupCorrupted):
        return Problem(409, error.detail, type_="urn:backup-api:problem:backup-corrupted")
    if isinstance(error, OperationCancelled):
        return Problem(409, error.detail, type_="urn:backup-api:problem:cancelled")
    if isinstance(error, OperationConflict):
        return Problem(409, error.detail)
    return Problem(500, error.detail)


class BodyReader:
    """Reads an optional JSON request body: size-, time- and value-bounded, JSON-only, validated
    against the spec.

    Bodies above `LARGE_BODY_BYTES` (or of unknown length) are read and parsed
    `MAX_CONCURRENT_LARGE_BODIES` at a time, so parallel uploads cannot add up in memory; a body may
    hold at most `MAX_JSON_VALUES` values (counted conservatively on the raw bytes before parsing),
    which bounds the parsed document's memory whatever its shape. Refusals that leave the body
    unread close the connection.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._large_bodies = asyncio.Semaphore(MAX_CONCURRENT_LARGE_BODIES)

    @staticmethod
    def require_json(request: Request) -> None:
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type not in JSON_MEDIA_TYPES and not media_type.endswith("+json"):
            raise Problem(415, "The request body must be application/json.")

    async def read(self, request: Request, component: str) -> Any | None:
        declared = request.headers.get("content-length")
        length = int(declared) if declared is not None and declared.isdigit() else None
        if length is not None and length > self.max_bytes:
            raise self._too_large()
        announced = bool(length) or "transfer-encoding" in request.headers
        if announced:  # refuse a wrong media type before reading up to max_bytes of it
            self.require_json(request)
        if announced and (length is None or length > LARGE_BODY_BYTES):
            async with self._large_body_slot():
                return await self._read_and_parse(request, component)
        return await self._read_and_parse(request, component)

    @contextlib.asynccontextmanager
    async def _large_body_slot(self) -> AsyncIterator[None]:
        try:
            await asyncio.wait_for(self._large_bodies.acquire(), LARGE_BODY_WAIT_SECONDS)
        except TimeoutError:
            raise Problem(
                429,
                f"{MAX_CONCURRENT_LARGE_BODIES} large request body is being read already; retry later.",
                headers={"Retry-After": "1", **CLOSE_CONNECTION},
            ) from None
        try:
            yield
        finally:
            self._large_bodies.release()

    async def _read_and_parse(self, request: Request, component: str) -> Any | None:
        raw = await self._receive(request)
        if not raw:  # no body; whitespace alone is a body, and not JSON
            return None
        self.require_json(request)
        return await run_in_threadpool(_parse_and_validate, bytes(raw), component)

    async def _receive(self, request: Request) -> bytearray:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + BODY_TOTAL_TIMEOUT_SECONDS
        chunks = request.stream().__aiter__()
        body = bytearray()
        while True:
            wait = min(BODY_IDLE_TIMEOUT_SECONDS, deadline - loop.time())
            try:
                chunk = await asyncio.wait_for(anext(chunks), max(wait, 0.0))
            except StopAsyncIteration:
                return body
            except TimeoutError:
                stalled = wait < BODY_IDLE_TIMEOUT_SECONDS
                raise Problem(
                    408,
                    f"The request body did not arrive within {BODY_TOTAL_TIMEOUT_SECONDS:.0f} seconds."
                    if stalled
                    else f"The request body stalled for {BODY_IDLE_TIMEOUT_SECONDS:.0f} seconds.",
                    headers=CLOSE_CONNECTION,
                ) from None
            body += chunk
            if len(body) > self.max_bytes:
                raise self._too_large()

    def _too_large(self) -> Problem:
        return Problem(413, f"The request body exceeds {self.max_bytes} bytes.", headers=CLOSE_CONNECTION)


def _json_value_bound(raw: bytes) -> int:
    """At least the number of values in the JSON text `raw` (every value after the first follows a
    `[`, `{`, `,` or `:`; keys are shared by the decoder): fast, and an overcount where strings hold
    those characters."""
    return raw.count(b"[") + raw.count(b"{") + raw.count(b",") + 1


def _parse_and_validate(raw: bytes, component: str) -> Any:
    values = _json_value_bound(raw)
    if values > MAX_JSON_VALUES:
        raise Problem(
            413,
            f"The request body holds up to {values} JSON values (counting every '[', '{{' and ','), "
            f"more than the {MAX_JSON_VALUES} the server parses in one request.",
        )
    try:
        document = json.loads(
            raw, parse_constant=_reject_constant, parse_float=_finite_float, parse_int=_integer
        )
    except NotInteroperable as error:
        raise Problem(422, f"body: {error} (RFC 7493)") from None
    except (ValueError, RecursionError) as error:
        raise Problem(400, f"The request body is not well-formed JSON: {error}") from None
    if SURROGATE_ESCAPE.search(raw):
        location = _lone_surrogate(document)
        if location is not None:
            raise Problem(422, f"{location}: a string holds an unpaired surrogate, not Unicode text")
    errors = contract.schema_errors(component, document)
    if errors:
        raise Problem(422, "; ".join(errors))
    return document


def _checked_id(backup: str) -> str:
    # Refused before anything touches the filesystem: the pattern admits no separators or `..`.
    if not contract.backup_id_is_valid(backup):
        raise Problem(
            422,
            f"path.backup: {backup!r} is not a backup identifier "
            f"(pattern {contract.backup_id_pattern().pattern}, 3 to 64 characters)",
        )
    return backup


def _same_backup(backup: str, body: Any | None) -> None:
    # A well-formed body that describes another backup than the one at the path conflicts with that
    # backup (409, as JSON:API answers an id that does not match the endpoint); it is no schema error.
    if body is not None and body.get("id") != backup:
        raise Problem(
            409, f"body.id: the body names {body.get('id')!r}, the path {backup!r}; they must match"
        )


def api_version() -> str:
    return str(contract.spec_document()["info"]["version"])


def open_engine(data_dir: Path) -> BackupEngine:
    return BackupEngine(data_dir, api_version=api_version())


def create_app(
    data_dir: Path,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    engine: BackupEngine | None = None,
    policy: AccessPolicy | None = None,
) -> FastAPI:
    """Build the application over ``engine`` (else one opened on ``data_dir`` when the app starts).

    The app closes its engine when it stops. ``backup-api serve`` opens the engine itself first, so
    a data directory that cannot be used is reported before anything listens.
    """
    version = api_version()
    holder: dict[str, BackupEngine] = {} if engine is None else {"engine": engine}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if "engine" not in holder:
            holder["engine"] = open_engine(data_dir)
        try:
            yield
        finally:
            await run_in_threadpool(holder["engine"].close)

    app = FastAPI(
        title="Backup API",
        version=version,
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(ConcretePathsFirst, paths=_concrete_paths())
    app.include_router(api_reference.router)  # /docs: the spec rendered offline, not an operation
    secure(app, policy or AccessPolicy())
    bodies = BodyReader(max_body_bytes)

    def current_engine() -> BackupEngine:
        return holder["engine"]

    async def call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return await run_in_threadpool(function, *args, **kwargs)
        except EngineError as error:
            raise _engine_problem(error) from None

    @app.exception_handler(Problem)
    async def on_problem(request: Request, error: Problem) -> Response:
        return problem_response(
            error.status, error.detail, type_=error.type, instance=request.url.path, headers=error.headers
        )

    @app.exception_handler(StarletteHTTPException)
    async def on_http_exception(request: Request, error: StarletteHTTPException) -> Response:
        detail = error.detail if isinstance(error.detail, str) else str(error.detail)
        if error.status_code == 404:
            detail = f"No operation at {request.url.path}."
        elif error.status_code == 405:
            allow = (error.headers or {}).get("Allow", "")
            detail = f"{request.method} is not allowed on {request.url.path}; allowed: {allow}."
        return problem_response(
            error.status_code, detail, instance=request.url.path, headers=dict(error.headers or {})
        )

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, error: RequestValidationError) -> Response:
        details = "; ".join(
            f"{'.'.join(str(part) for part in item.get('loc', ()))}: {item.get('msg')}"
            for item in error.errors()
        )
        return problem_response(422, details or "The request is invalid.", instance=request.url.path)

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, error: Exception) -> Response:
        return problem_response(500, f"The server failed: {type(error).__name__}.", instance=request.url.path)

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi_json() -> Response:
        return Response(contract.spec_json(), media_type="application/json")

    @app.get("/openapi.yaml", include_in_schema=False)
    async def openapi_yaml() -> Response:
        return Response(contract.spec_text(), media_type="application/yaml")

    async def check_optional_metadata(backup: str, request: Request) -> None:
        """The optional body must be this backup's metadata. The path is looked at first: a backup
        that is not there is 404 (409 while it is being created) whatever the body names."""
        body = await bodies.read(request, "Backup")
        if body is not None:
            await call(current_engine().get_backup, backup)
            _same_backup(backup, body)

    async def start_creation(request: Request, component: str) -> Response:
        body = await bodies.read(request, component)
        if body is None:
            assets = None
        elif component == "Asset":
            assets = [body]
        else:
            assets = list(body["iterable"])
        backup_id = await call(current_engine().start_creation, assets)
        return Response(status_code=202, headers={"Location": f"/backup/{backup_id}", "Backup-Id": backup_id})

    @app.post("/backup")
    async def backup(request: Request) -> Response:
        return await start_creation(request, "Assets")

    @app.post("/backup/asset")
    async def backup_asset(request: Request) -> Response:
        return await start_creation(request, "Asset")

    @app.get("/backup/{backup}")
    async def backup_specific_backup_snapshot(backup: str) -> Response:
        metadata = await call(current_engine().get_backup, _checked_id(backup))
        return _json(Backup.model_validate(metadata))

    @app.get("/backup/{backup}/creation/status")
    async def backup_specific_creation_status(backup: str) -> Response:
        status = await call(current_engine().creation_status, _checked_id(backup))
        return _json(_status_model(status))

    @app.post("/backup/{backup}/creation/cancel")
    async def backup_specific_creation_cancel(backup: str) -> Response:
        await call(current_engine().cancel_creation, _checked_id(backup))
        return Response(status_code=204)

    @app.post("/backup/{backup}/restore")
    async def backup_restore_specific_backup(backup: str, request: Request) -> Response:
        backup = _checked_id(backup)
        await check_optional_metadata(backup, request)
        restored = await call(current_engine().restore, backup)
        return _json(Backup.model_validate(restored))

    @app.post("/backup/{backup}/restore/streamed")
    async def backup_restore_specific_backup_streamed(backup: str, request: Request) -> Response:
        backup = _checked_id(backup)
        await check_optional_metadata(backup, request)
        handle = await call(current_engine().start_restoration, backup)
        if wants_event_stream(request.headers.get("accept")):
            return restoration_event_stream(handle)
        final = await run_in_threadpool(final_progress, handle)
        return _json(BackupStreamedProgress.model_validate(final))

    @app.get("/backup/{backup}/restoration/status")
    async def backup_specific_restoration_status(backup: str) -> Response:
        status = await call(current_engine().restoration_status, _checked_id(backup))
        return _json(_status_model(status))

    @app.post("/backup/{backup}/restoration/cancel")
    async def backup_specific_restoration_cancel(backup: str, request: Request) -> Response:
        backup = _checked_id(backup)
        await check_optional_metadata(backup, request)
        await call(current_engine().cancel_restoration, backup)
        return Response(status_code=204)

    @app.get("/backups")
    async def backups_list() -> Response:
        backups = await call(current_engine().list_backups)
        return _json(Backups.model_validate({"iterable": backups}))

    @app.post("/backups/{backup}/delete")
    async def backups_delete_specific_backup(backup: str) -> Response:
        await call(current_engine().delete_backup, _checked_id(backup))
        return Response(status_code=204)

    @app.get("/assets")
    async def assets_snapshot() -> Response:
        # Documents go out exactly as stored (they were validated on the way in): parsing them into a
        # model and serialising again would cost seconds on a large database and could reorder fields.
        texts = await call(current_engine().list_asset_texts)
        body = b'{"iterable":[' + ",".join(texts).encode() + b"]}"
        return Response(body, media_type="application/json")

    return app
