"""The HTTP layer: every operation of spec/backup-api.yaml, on top of :class:`BackupEngine`."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from backup_api_server_models import (
    Backup,
    Backups,
    BackupStatus,
    BackupStreamedProgress,
)

from . import contract
from .engine import BackupEngine, Status
from .errors import (
    BackupCorrupted,
    BackupNotFound,
    EngineError,
    OperationCancelled,
    OperationConflict,
)
from .problems import Problem, problem_response
from .streaming import final_progress, restoration_event_stream, wants_event_stream

DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024
JSON_MEDIA_TYPES = ("application/json", "application/problem+json")


def _json(model: Any, status_code: int = 200) -> Response:
    body = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return JSONResponse(body, status_code=status_code)


def _status_model(status: Status) -> BackupStatus:
    return BackupStatus.model_validate(
        {"backup": status.backup, "percentage": status.percentage, "value": status.value}
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _engine_problem(error: EngineError) -> Problem:
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
    """Reads an optional JSON request body: size-limited, JSON-only, validated against the spec."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes

    async def read(self, request: Request, component: str) -> Any | None:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            raise Problem(413, f"The request body exceeds {self.max_bytes} bytes.")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_bytes:
                raise Problem(413, f"The request body exceeds {self.max_bytes} bytes.")
            chunks.append(chunk)
        raw = b"".join(chunks)
        if not raw.strip():
            return None
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type not in JSON_MEDIA_TYPES and not media_type.endswith("+json"):
            raise Problem(415, "The request body must be application/json.")
        try:
            document = json.loads(raw, parse_constant=_reject_constant)
        except (ValueError, RecursionError) as error:
            raise Problem(400, f"The request body is not well-formed JSON: {error}") from None
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
    if body is not None and body.get("id") != backup:
        raise Problem(
            422, f"body.id: the body names {body.get('id')!r}, the path {backup!r}; they must match"
        )


def create_app(
    data_dir: Path,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    engine_factory: Callable[[Path], BackupEngine] | None = None,
) -> FastAPI:
    """Build the application. The engine is started with the app and closed when it stops."""
    version = str(contract.spec_document()["info"]["version"])
    holder: dict[str, BackupEngine] = {}

    def make_engine(directory: Path) -> BackupEngine:
        return BackupEngine(directory, api_version=version)

    factory = engine_factory or make_engine

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        holder["engine"] = factory(data_dir)
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
    bodies = BodyReader(max_body_bytes)

    def engine() -> BackupEngine:
        return holder["engine"]

    async def call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return await run_in_threadpool(function, *args, **kwargs)
        except EngineError as error:
            raise _engine_problem(error) from None

    @app.exception_handler(Problem)
    async def on_problem(request: Request, error: Problem) -> Response:
        return problem_response(error.status, error.detail, type_=error.type, instance=request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_exception(request: Request, error: StarletteHTTPException) -> Response:
        detail = error.detail if isinstance(error.detail, str) else str(error.detail)
        if error.status_code == 404:
            detail = f"No operation at {request.url.path}."
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

    async def start_creation(request: Request, component: str) -> Response:
        body = await bodies.read(request, component)
        if body is None:
            assets = None
        elif component == "Asset":
            assets = [body]
        else:
            assets = list(body["iterable"])
        backup_id = await call(engine().start_creation, assets)
        return Response(status_code=202, headers={"Location": f"/backup/{backup_id}", "Backup-Id": backup_id})

    @app.post("/backup")
    async def backup(request: Request) -> Response:
        return await start_creation(request, "Assets")

    @app.post("/backup/asset")
    async def backup_asset(request: Request) -> Response:
        return await start_creation(request, "Asset")

    @app.get("/backup/{backup}")
    async def backup_specific_backup_snapshot(backup: str) -> Response:
        metadata = await call(engine().get_backup, _checked_id(backup))
        return _json(Backup.model_validate(metadata))

    @app.get("/backup/{backup}/creation/status")
    async def backup_specific_creation_status(backup: str) -> Response:
        status = await call(engine().creation_status, _checked_id(backup))
        return _json(_status_model(status))

    @app.post("/backup/{backup}/creation/cancel")
    async def backup_specific_creation_cancel(backup: str) -> Response:
        await call(engine().cancel_creation, _checked_id(backup))
        return Response(status_code=204)

    @app.post("/backup/{backup}/restore")
    async def backup_restore_specific_backup(backup: str, request: Request) -> Response:
        backup = _checked_id(backup)
        _same_backup(backup, await bodies.read(request, "Backup"))
        restored = await call(engine().restore, backup)
        return _json(Backup.model_validate(restored))

    @app.post("/backup/{backup}/restore/streamed")
    async def backup_restore_specific_backup_streamed(backup: str, request: Request) -> Response:
        backup = _checked_id(backup)
        _same_backup(backup, await bodies.read(request, "Backup"))
        handle = await call(engine().start_restoration, backup)
        if wants_event_stream(request.headers.get("accept")):
            return restoration_event_stream(handle)
        final = await run_in_threadpool(final_progress, handle)
        return _json(BackupStreamedProgress.model_validate(final))

    @app.get("/backup/{backup}/restoration/status")
    async def backup_specific_restoration_status(backup: str) -> Response:
        status = await call(engine().restoration_status, _checked_id(backup))
        return _json(_status_model(status))

    @app.post("/backup/{backup}/restoration/cancel")
    async def backup_specific_restoration_cancel(backup: str, request: Request) -> Response:
        backup = _checked_id(backup)
        _same_backup(backup, await bodies.read(request, "Backup"))
        await call(engine().cancel_restoration, backup)
        return Response(status_code=204)

    @app.get("/backups")
    async def backups_list() -> Response:
        backups = await call(engine().list_backups)
        return _json(Backups.model_validate({"iterable": backups}))

    @app.post("/backups/{backup}/delete")
    async def backups_delete_specific_backup(backup: str) -> Response:
        await call(engine().delete_backup, _checked_id(backup))
        return Response(status_code=204)

    @app.get("/assets")
    async def assets_snapshot() -> Response:
        # Documents go out exactly as stored (they were validated on the way in): parsing them into a
        # model and serialising again would cost seconds on a large database and could reorder fields.
        texts = await call(engine().list_asset_texts)
        body = b'{"iterable":[' + ",".join(texts).encode() + b"]}"
        return Response(body, media_type="application/json")

    return app
