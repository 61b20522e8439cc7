"""What the routes share: the engine (from `app.state`), engine calls off the event loop (and reads
the engine answers from memory on it), the body reader, and the backup identifier checked before
anything touches the filesystem."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from .. import contract
from ..engine import BackupEngine
from ..errors import EngineError
from ..problems import Problem
from .bodies import BodyReader
from .error_handlers import engine_problem

__all__ = [
    "BackupIdPath",
    "Bodies",
    "Engine",
    "call",
    "checked_backup_id",
    "engine_of",
    "plain_get_route",
    "read",
]

_Result = TypeVar("_Result")


# The dependencies are `async def` although they do not wait for anything: FastAPI runs a plain
# `def` dependency in a worker thread, a hop to another thread and back on every request. The hot
# reads (`GET /backups`, a backup, its statuses) call `engine_of` and `checked_backup_id` themselves
# instead: each dependency costs FastAPI a resolution per request, about a quarter of such a route's
# time in the throughput benchmark (benchmarks/server_throughput.py).


def engine_of(request: Request) -> BackupEngine:
    """The application's engine."""
    engine: BackupEngine = request.app.state.engine
    return engine


async def _engine(request: Request) -> BackupEngine:
    return engine_of(request)


async def _bodies(request: Request) -> BodyReader:
    bodies: BodyReader = request.app.state.bodies
    return bodies


def checked_backup_id(backup: str) -> str:
    """The path's backup identifier, or 422: checked before anything touches the filesystem (the
    pattern admits no separators or `..`)."""
    if not contract.backup_id_is_valid(backup):
        raise Problem(
            422,
            f"path.backup: {backup!r} is not a backup identifier ({contract.backup_id_rule()})",
        )
    return backup


async def _checked_backup_id(backup: str) -> str:
    return checked_backup_id(backup)


Engine = Annotated[BackupEngine, Depends(_engine)]
Bodies = Annotated[BodyReader, Depends(_bodies)]
BackupIdPath = Annotated[str, Depends(_checked_backup_id)]


async def call(function: Callable[..., _Result], *args: Any) -> _Result:
    """Run an engine operation in a worker thread; its failures become problem answers."""
    try:
        return await run_in_threadpool(function, *args)
    except EngineError as error:
        raise engine_problem(error) from None


async def read(engine: BackupEngine, function: Callable[..., _Result], *args: Any) -> _Result:
    """Run a read of the engine (a list, a backup, a status): on the event loop when the engine
    answers it from memory (`BackupEngine.answers_from_memory`: no hop to a worker thread and
    back), else as `call` does. Its failures become problem answers."""
    if not engine.answers_from_memory:
        return await call(function, *args)
    try:
        return function(*args)
    except EngineError as error:
        raise engine_problem(error) from None


def plain_get_route(path: str, endpoint: Callable[[Request], Awaitable[Response]]) -> Route:
    """`GET path` answered by `endpoint(request)` as a plain Starlette route, without FastAPI's
    request machinery (dependency solving, parameter validation, two passes of route matching):
    for the hot reads (a backup, the statuses), whose one parameter `checked_backup_id` validates.
    That machinery was most of their time: a creation status took 62 µs in process against a
    minimal FastAPI route's 37, and takes 38 this way. The application adds these routes itself:
    one included through an `APIRouter` is rebuilt by FastAPI with HEAD added, which the spec does
    not document (405, as for every other undocumented method)."""
    route = Route(path, endpoint, methods=["GET"])
    assert route.methods is not None
    route.methods.discard("HEAD")
    return route
