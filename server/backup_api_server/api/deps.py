"""What the routes share: the engine (from `app.state`), engine calls off the event loop, the body
reader, and the backup identifier checked before anything touches the filesystem."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from .. import contract
from ..engine import BackupEngine
from ..errors import EngineError
from ..problems import Problem
from .bodies import BodyReader
from .error_handlers import engine_problem

__all__ = ["BackupIdPath", "Bodies", "Engine", "call"]

_Result = TypeVar("_Result")


def _engine(request: Request) -> BackupEngine:
    engine: BackupEngine = request.app.state.engine
    return engine


def _bodies(request: Request) -> BodyReader:
    bodies: BodyReader = request.app.state.bodies
    return bodies


def _checked_backup_id(backup: str) -> str:
    # Refused before anything touches the filesystem: the pattern admits no separators or `..`.
    if not contract.backup_id_is_valid(backup):
        raise Problem(
            422,
            f"path.backup: {backup!r} is not a backup identifier "
            f"(pattern {contract.backup_id_pattern().pattern}, 3 to 64 characters)",
        )
    return backup


Engine = Annotated[BackupEngine, Depends(_engine)]
Bodies = Annotated[BodyReader, Depends(_bodies)]
BackupIdPath = Annotated[str, Depends(_checked_backup_id)]


async def call(function: Callable[..., _Result], *args: Any) -> _Result:
    """Run an engine operation in a worker thread; its failures become problem answers."""
    try:
        return await run_in_threadpool(function, *args)
    except EngineError as error:
        raise engine_problem(error) from None
